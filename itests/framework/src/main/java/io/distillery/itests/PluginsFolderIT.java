package io.distillery.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distillery.api.distill.DistillationStrategy;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.felix.service.command.CommandProcessor;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.common.service.ServiceAware;

/**
 * A bundle copied into the watched plugins folder is installed and started within seconds, its service shows up
 * in {@code distill list}, and deleting the file uninstalls it.
 */
class PluginsFolderIT {

    @InjectBundleContext
    BundleContext context;

    @InjectService(cardinality = 0, filter = "(" + DistillationStrategy.NAME + "=fixture-plugin)")
    ServiceAware<DistillationStrategy> fixture;

    @InjectService
    CommandProcessor gogo;

    @Test
    void aBundleDroppedIntoThePluginsFolderComesAndGoes() throws Exception {
        Path folder = Path.of(context.getProperty("felix.fileinstall.dir"));
        Path source = Path.of(context.getProperty("distillery.itests.fixture"));
        assertTrue(Files.isRegularFile(source), () -> "the fixture plugin was not built: " + source);
        assertTrue(fixture.isEmpty(), "fixture-plugin was registered before its bundle was dropped in");

        Path dropped = PluginFiles.drop(folder, "fixture.jar", out -> Files.copy(source, out));
        try {
            assertNotNull(fixture.waitForService(Poll.PLUGIN_TIMEOUT.toMillis()),
                    "fixture.jar was not installed and started within " + Poll.PLUGIN_TIMEOUT.toSeconds() + " s");
            Bundle plugin = fixture.getServiceReference().getBundle();
            assertEquals("io.distillery.itests.fixture", plugin.getSymbolicName());
            String listing = Gogo.run(gogo, "distill:list strategies");
            assertTrue(listing.contains("fixture-plugin  io.distillery.itests.fixture"), listing);

            Files.delete(dropped);
            Poll.until(Poll.PLUGIN_TIMEOUT, "fixture-plugin to vanish after fixture.jar was deleted",
                    () -> fixture.isEmpty() && plugin.getState() == Bundle.UNINSTALLED);
        } finally {
            Files.deleteIfExists(dropped);
        }
    }
}
