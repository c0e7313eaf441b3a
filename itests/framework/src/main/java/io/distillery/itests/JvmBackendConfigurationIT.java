package io.distillery.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.distillery.api.backend.Backend;
import java.time.Duration;
import java.util.Hashtable;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Constants;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.common.service.ServiceAware;

/**
 * The jvm backend takes a new thread count from its configuration while it runs: the same service, with its
 * worker pool resized, and back to one thread per core when the configuration is deleted.
 */
class JvmBackendConfigurationIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @InjectService
    ConfigurationAdmin admin;

    @InjectService(filter = "(" + Backend.NAME + "=jvm)")
    ServiceAware<Backend> jvm;

    @Test
    void aNewThreadCountResizesThePoolWithoutRegisteringTheServiceAnew() throws Exception {
        Object registration = jvm.getServiceReference().getProperty(Constants.SERVICE_ID);
        Configuration configuration = admin.getConfiguration("io.distillery.backend.jvm", "?");
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("threads", 3);
        try {
            configuration.update(properties);
            Poll.until(TIMEOUT, "the jvm backend to report threads=3", () -> reportsThreads(3));
            assertEquals("JvmBackend[threads=3]", jvm.getService().toString());
            assertEquals(registration, jvm.getServiceReference().getProperty(Constants.SERVICE_ID));
        } finally {
            configuration.delete();
        }
        Poll.until(TIMEOUT, "the jvm backend to report its default threads=0", () -> reportsThreads(0));
        assertEquals("JvmBackend[threads=" + Runtime.getRuntime().availableProcessors() + "]",
                jvm.getService().toString());
        assertEquals(registration, jvm.getServiceReference().getProperty(Constants.SERVICE_ID));
    }

    private boolean reportsThreads(int threads) {
        return Integer.valueOf(threads).equals(jvm.getServiceReference().getProperty("threads"));
    }
}
