package io.distillery.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleException;

/** How a failure becomes the reason in a one-line report. */
class PluginLogTest {

    @Test
    void theInnermostCauseIsTheReason() {
        Exception failure = new BundleException("Activator start error in bundle x [12].",
                new IllegalStateException("no backend configured"));
        assertEquals("no backend configured", PluginLog.reason(failure));
    }

    @Test
    void felixRepeatOfTheUnresolvedRequirementIsDropped() {
        String missing = "Unable to resolve x [12](R 12.0): missing requirement [x [12](R 12.0)] osgi.wiring.package;"
                + " (osgi.wiring.package=com.example.missing)";
        assertEquals(missing, PluginLog.reason(new BundleException(missing + " Unresolved requirements: [[x [12]"
                + "(R 12.0)] osgi.wiring.package; (osgi.wiring.package=com.example.missing)]")));
    }

    @Test
    void aFailureWithoutMessageIsNamedByItsType() {
        assertEquals("java.lang.IllegalStateException", PluginLog.reason(new IllegalStateException()));
    }
}
