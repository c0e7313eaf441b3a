package io.distillery.itests;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;

/** The default distribution's bundles all resolve and start, and their components activate. */
class DistributionIT {

    @InjectBundleContext
    BundleContext context;

    @InjectService
    ServiceComponentRuntime components;

    @Test
    void everyBundleOfTheDefaultDistributionIsActive() throws Exception {
        URL bndrun = context.getBundle().getEntry(DistributionBundles.ENTRY);
        assertNotNull(bndrun, "the test bundle lacks its copy of features/distillery/distillery.bndrun");
        List<String> expected = DistributionBundles.read(bndrun);
        assertTrue(expected.contains("io.distillery.cli"), () -> "no -runbundles with the CLI in " + expected);

        List<String> problems = new ArrayList<>();
        for (String symbolicName : expected) {
            Optional<Bundle> bundle = Arrays.stream(context.getBundles())
                    .filter(b -> symbolicName.equals(b.getSymbolicName()))
                    .findFirst();
            if (bundle.isEmpty()) {
                problems.add(symbolicName + ": not installed");
            } else if (!isRunning(bundle.get())) {
                problems.add(symbolicName + ": " + state(bundle.get()) + whyNotStarted(bundle.get()));
            }
        }
        assertTrue(problems.isEmpty(), () -> "bundles of the default distribution that are not running:\n  "
                + String.join("\n  ", problems));
    }

    @Test
    void noComponentFailedToActivate() {
        List<String> failures = new ArrayList<>();
        for (ComponentDescriptionDTO description : components.getComponentDescriptionDTOs()) {
            for (ComponentConfigurationDTO configuration : components.getComponentConfigurationDTOs(description)) {
                if (configuration.state == ComponentConfigurationDTO.FAILED_ACTIVATION) {
                    failures.add(description.name + " in " + description.bundle.symbolicName + ": "
                            + configuration.failure);
                }
            }
        }
        assertTrue(failures.isEmpty(), () -> "components that failed to activate:\n  " + String.join("\n  ", failures));
    }

    @Test
    void theCommandLineLeavesTheMainThreadToTheTester() throws InvalidSyntaxException {
        // distillery.cli is not set here, so the CLI must not compete with the tester for the launcher's main thread.
        ServiceReference<?>[] mainThreads = context.getServiceReferences((String) null, "(main.thread=true)");
        for (ServiceReference<?> reference : mainThreads == null ? new ServiceReference<?>[0] : mainThreads) {
            assertNotEquals("io.distillery.cli", reference.getBundle().getSymbolicName(),
                    "io.distillery.cli registered a main.thread service without distillery.cli=true");
        }
    }

    private static boolean isRunning(Bundle bundle) {
        boolean fragment = bundle.getHeaders("").get(Constants.FRAGMENT_HOST) != null;
        return bundle.getState() == Bundle.ACTIVE || (fragment && bundle.getState() == Bundle.RESOLVED);
    }

    private static String state(Bundle bundle) {
        return switch (bundle.getState()) {
            case Bundle.INSTALLED -> "installed but not resolved";
            case Bundle.RESOLVED -> "resolved but not started";
            case Bundle.STARTING -> "starting (lazy activation pending)";
            case Bundle.STOPPING -> "stopping";
            default -> "in state " + bundle.getState();
        };
    }

    /** Asks the framework why by starting the bundle: the exception carries the resolver's or activator's reason. */
    private static String whyNotStarted(Bundle bundle) {
        try {
            bundle.start();
            return "";
        } catch (BundleException | IllegalStateException e) {
            return " (" + e.getMessage() + ")";
        }
    }
}
