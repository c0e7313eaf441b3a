package io.distillery.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distillery.api.distill.DistillationStrategy;
import java.util.Arrays;
import java.util.Hashtable;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.felix.service.command.CommandProcessor;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;

/** {@code distill:list} and {@code distill:version} in Gogo read the live service registry. */
class ListCommandIT {

    @InjectBundleContext
    BundleContext context;

    @InjectService
    CommandProcessor gogo;

    @Test
    void aRegisteredStrategyIsListedUntilItIsUnregistered() throws Exception {
        Bundle self = FrameworkUtil.getBundle(ListCommandIT.class);
        Pattern line = Pattern.compile("\\s+itest-strategy\\s+" + Pattern.quote(self.getSymbolicName() + " "
                + self.getVersion()) + "\\s+Registered by ListCommandIT");

        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(DistillationStrategy.NAME, "itest-strategy");
        properties.put(DistillationStrategy.DESCRIPTION, "Registered by ListCommandIT\nsecond line, not shown");
        DistillationStrategy strategy = ctx -> {
            throw new UnsupportedOperationException("registered only to be listed");
        };
        ServiceRegistration<DistillationStrategy> registration =
                context.registerService(DistillationStrategy.class, strategy, properties);
        try {
            String listing = Gogo.run(gogo, "distill:list strategies");
            assertTrue(listing.lines().anyMatch(l -> line.matcher(l).matches()),
                    () -> "no line for itest-strategy in:\n" + listing);
            assertFalse(listing.contains("second line"), listing);
        } finally {
            registration.unregister();
        }
        String after = Gogo.run(gogo, "distill:list strategies");
        assertFalse(after.contains("itest-strategy"), () -> "still listed after unregistering:\n" + after);
    }

    @Test
    void everyCategoryIsListedInOrder() throws Exception {
        List<String> headings = Gogo.run(gogo, "distill:list").lines().filter(l -> !l.startsWith(" ")).toList();
        assertEquals(List.of("strategies:", "datasets:", "models:", "backends:", "compressors:"), headings);
    }

    @Test
    void anUnknownCategoryNamesTheKnownOnes() {
        Exception failure = assertThrows(IllegalArgumentException.class, () -> Gogo.run(gogo, "distill:list teachers"));
        assertEquals("unknown category 'teachers' (known: strategies, datasets, models, backends, compressors)",
                failure.getMessage());
    }

    @Test
    void versionIsTheCommandLineBundlesVersion() throws Exception {
        Bundle cli = Arrays.stream(context.getBundles())
                .filter(b -> "io.distillery.cli".equals(b.getSymbolicName()))
                .findFirst()
                .orElseThrow();
        assertEquals("Distillery " + cli.getVersion(), Gogo.run(gogo, "distill:version"));
    }
}
