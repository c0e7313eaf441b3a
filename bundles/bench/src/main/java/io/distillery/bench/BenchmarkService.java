package io.distillery.bench;

import io.distillery.api.backend.Backend;
import io.distillery.api.backend.Backends;
import io.distillery.api.nn.Layers;
import io.distillery.api.nn.Optimizers;
import io.distillery.api.run.BenchmarkRequest;
import io.distillery.api.run.BenchmarkResult;
import io.distillery.api.run.Benchmarks;
import io.distillery.api.tensor.Tensors;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The {@link Benchmarks} service: the reference benchmark's workloads built from the engine's services, thread
 * counts set through Configuration Admin. Configuration PID {@value #PID} sets how measurements treat other
 * processes; the defaults are the reference script's.
 */
@Component(service = Benchmarks.class, configurationPid = BenchmarkService.PID)
public final class BenchmarkService implements Benchmarks {
    /** The configuration PID. */
    public static final String PID = "io.distillery.bench";
    /** How long a backend may take to use a new thread count. */
    private static final Duration THREADS_TIMEOUT = Duration.ofSeconds(30);

    /** The configuration: the reference script's options of the same names. */
    public @interface Config {
        /** @return cores other processes may use during a window before it is retried; negative: never wait or retry */
        double max_foreign() default 0.15;

        /** @return how many times a disturbed window is measured again */
        int retries() default 4;

        /** @return seconds to wait for an idle machine before each attempt */
        double quiet_timeout_seconds() default 60;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    volatile List<Backend> backendServices;

    private final BundleContext context;
    private final Disturbance rules;
    private final Kit kit;
    private final Backends backends;
    private final ConfigurationAdmin admin;

    /**
     * @param context this bundle's context
     * @param config the configuration
     * @param tensors the engine's tensors
     * @param layers the engine's layers
     * @param optimizers the engine's optimizers
     * @param backends the engine's backend choice
     * @param admin where the backends' thread counts are configured
     */
    @Activate
    public BenchmarkService(BundleContext context, Config config, @Reference Tensors tensors, @Reference Layers layers,
            @Reference Optimizers optimizers, @Reference Backends backends, @Reference ConfigurationAdmin admin) {
        this.context = context;
        this.rules = new Disturbance(config.max_foreign(), config.retries(), config.quiet_timeout_seconds());
        this.kit = new Kit(tensors, layers, optimizers);
        this.backends = backends;
        this.admin = admin;
    }

    @Override
    public List<String> workloads() {
        return BenchmarkRunner.workloads();
    }

    /** Runs one request at a time: two at once would disturb each other's windows and thread counts. */
    @Override
    public synchronized void run(BenchmarkRequest request, Consumer<BenchmarkResult> results) {
        new BenchmarkRunner(kit, backends, this::backendNamed, new ConfiguredThreads(admin, context, THREADS_TIMEOUT),
                new SystemClocks(), rules).run(request, results);
    }

    private Optional<Backend> backendNamed(String name) {
        return backendServices.stream().filter(b -> b.name().equals(name)).findFirst();
    }
}
