package io.distillery.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distillery.api.backend.Backend;
import io.distillery.api.backend.Backends;
import io.distillery.api.run.Benchmarks;
import java.time.Duration;
import java.util.Hashtable;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.felix.service.command.CommandProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.common.service.ServiceAware;

/**
 * {@code distill:bench} measures a tiny configuration on the jvm backend and prints the reference script's JSON
 * line; the backend's thread count is set and restored through its configuration without re-registering it.
 */
class BenchmarkIT {
    private static final String BENCH_PID = "io.distillery.bench";
    private static final String JVM_PID = "io.distillery.backend.jvm";
    private static final List<String> KEYS = List.of("bench", "model", "batch", "threads", "steps", "samples_per_s",
            "samples_per_s_median", "ms_per_step_median", "gflops", "flops_per_sample", "own_cpu", "foreign_cpu",
            "attempt", "disturbed", "backend");
    private static final Pattern KEY = Pattern.compile("\"([a-z_]+)\": ");

    @InjectService
    CommandProcessor gogo;

    @InjectService
    ConfigurationAdmin admin;

    @InjectService
    Backends backends;

    @InjectService(cardinality = 0)
    ServiceAware<Benchmarks> benchmarks;

    @InjectService(filter = "(" + Backend.NAME + "=jvm)")
    ServiceAware<Backend> jvm;

    /** A shared machine is rarely idle: measure at once, as the reference script does with --max-foreign -1. */
    @BeforeEach
    void measureWithoutWaitingForAQuietMachine() throws Exception {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("max.foreign", -1.0);
        admin.getConfiguration(BENCH_PID, "?").update(properties);
        Poll.until(Duration.ofSeconds(10), "the benchmark service to take up max.foreign=-1", () -> {
            ServiceReference<Benchmarks> reference = benchmarks.getServiceReference();
            return reference != null && Double.valueOf(-1.0).equals(reference.getProperty("max.foreign"));
        });
    }

    @AfterEach
    void restore() throws Exception {
        admin.getConfiguration(BENCH_PID, "?").delete();
        backends.use(null);
    }

    @Test
    void aTinyRunOnTheJvmBackendPrintsAResultWithTheScriptsKeys() throws Exception {
        Object registration = jvm.getServiceReference().getProperty(Constants.SERVICE_ID);
        String output = Gogo.run(gogo,
                "distill:bench --backend jvm --workloads mlp --batches 8 --threads 1 --seconds 0.2 --warmup 0");

        List<String> json = output.lines().filter(l -> l.startsWith("JSON ")).toList();
        assertEquals(1, json.size(), output);
        String line = json.get(0);
        assertEquals(KEYS, KEY.matcher(line).results().map(m -> m.group(1)).toList(), line);
        assertTrue(line.startsWith("JSON {\"bench\": \"train\", \"model\": \"mlp\", \"batch\": 8, \"threads\": 1, "),
                line);
        assertTrue(line.contains("\"flops_per_sample\": 14356800, "), line);
        assertTrue(line.endsWith("\"disturbed\": false, \"backend\": \"jvm\"}"), line);
        assertTrue(output.lines().anyMatch(l -> l.startsWith("mlp         8       1 ")), output);

        assertNull(admin.listConfigurations("(" + Constants.SERVICE_PID + "=" + JVM_PID + ")"),
                "the jvm backend's thread count was not restored: its configuration is still there");
        assertEquals(registration, jvm.getServiceReference().getProperty(Constants.SERVICE_ID),
                "the jvm backend was registered anew to change its thread count");
    }

    @Test
    void anUnknownWorkloadFailsNamingTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Gogo.run(gogo, "distill:bench --workloads resnet"));
        assertEquals("unknown workload 'resnet' (known: mlp, kd, lenet, conv32, gemm)", e.getMessage());
    }
}
