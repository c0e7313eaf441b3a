package io.distillery.cli;

import io.distillery.api.backend.Backends;
import io.distillery.api.run.Benchmarks;
import io.distillery.api.run.Experiments;
import io.distillery.api.run.RunListener;
import java.util.ArrayList;
import java.util.List;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;

/**
 * {@link Services} from the service registry: each is got when asked for (which activates its component) and
 * released when this object is closed, at the end of a command.
 */
final class RegistryServices implements Services, AutoCloseable {

    private final BundleContext context;
    private final List<ServiceReference<?>> used = new ArrayList<>();

    /** @param context the context to look the services up with */
    RegistryServices(BundleContext context) {
        this.context = context;
    }

    @Override
    public Backends backends() {
        return get(Backends.class, "the engine is not running (no Backends service)");
    }

    @Override
    public Benchmarks benchmarks() {
        return get(Benchmarks.class,
                "no benchmark service: the bundle io.distillery.bench is not in this distribution");
    }

    @Override
    public Experiments experiments() {
        return get(Experiments.class,
                "no run orchestrator: the bundle io.distillery.runner is not in this distribution");
    }

    @Override
    public AutoCloseable listen(RunListener listener) {
        ServiceRegistration<RunListener> registration = context.registerService(RunListener.class, listener, null);
        return registration::unregister;
    }

    private <T> T get(Class<T> type, String missing) {
        ServiceReference<T> reference = context.getServiceReference(type);
        T service = reference == null ? null : context.getService(reference);
        if (service == null) {
            throw new IllegalStateException(missing);
        }
        used.add(reference);
        return service;
    }

    /** Releases every service got through this object. */
    @Override
    public void close() {
        used.forEach(context::ungetService);
        used.clear();
    }
}
