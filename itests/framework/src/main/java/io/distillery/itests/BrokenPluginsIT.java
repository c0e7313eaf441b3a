package io.distillery.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.test.common.annotation.InjectBundleContext;

/**
 * A file in the plugins folder that is not a bundle, or a bundle that cannot resolve, gets one line on the
 * standard error stream naming the file and the reason, and the framework carries on.
 */
class BrokenPluginsIT {

    @InjectBundleContext
    BundleContext context;

    @Test
    void eachBrokenFileGetsOneLineAndTheFrameworkCarriesOn() throws Exception {
        Path folder = Path.of(context.getProperty("felix.fileinstall.dir"));
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.err;
        System.setErr(new PrintStream(new Tee(original, captured), true, StandardCharsets.UTF_8));
        Path notes = null;
        Path broken = null;
        try {
            notes = PluginFiles.drop(folder, "notes.txt",
                    out -> out.write("not a plugin".getBytes(StandardCharsets.UTF_8)));
            broken = PluginFiles.drop(folder, "broken.jar",
                    PluginFiles.unresolvableBundle("com.example.broken", "com.example.missing"));
            Poll.until(Poll.PLUGIN_TIMEOUT, "a report of notes.txt and of broken.jar",
                    () -> lines(captured, "plugins: notes.txt: ").size() == 1
                            && lines(captured, "plugins: broken.jar: ").size() == 1);

            String notABundle = lines(captured, "plugins: notes.txt: ").get(0);
            assertTrue(notABundle.startsWith("plugins: notes.txt: not an OSGi bundle: not a jar file"), notABundle);
            String report = lines(captured, "plugins: broken.jar: ").get(0);
            assertTrue(report.startsWith("plugins: broken.jar: cannot start com.example.broken 1.0.0: "
                    + "Unable to resolve") && report.contains("com.example.missing"), report);
            assertEquals(Bundle.ACTIVE, context.getBundle(0).getState(), "the framework stopped");
            Bundle unresolved = bundle("com.example.broken").orElseThrow();
            assertEquals(Bundle.INSTALLED, unresolved.getState());

            Files.delete(broken);
            Files.delete(notes);
            Poll.until(Poll.PLUGIN_TIMEOUT, "broken.jar's bundle to be uninstalled after the file was deleted",
                    () -> unresolved.getState() == Bundle.UNINSTALLED);
            for (String file : List.of("broken.jar", "notes.txt")) {
                assertEquals(1, lines(captured, "plugins: " + file + ": ").size(),
                        () -> file + " was reported more than once:\n" + captured);
            }
        } finally {
            System.setErr(original);
            for (Path file : new Path[] {notes, broken}) {
                if (file != null) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    private Optional<Bundle> bundle(String symbolicName) {
        return Arrays.stream(context.getBundles())
                .filter(b -> symbolicName.equals(b.getSymbolicName()))
                .findFirst();
    }

    private static List<String> lines(ByteArrayOutputStream captured, String prefix) {
        return captured.toString(StandardCharsets.UTF_8).lines().filter(l -> l.startsWith(prefix)).toList();
    }

    /** Writes to the original stream, so the output still shows, and to a capture the test reads. */
    private static final class Tee extends OutputStream {
        private final OutputStream first;
        private final OutputStream second;

        Tee(OutputStream first, OutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public void write(int b) throws IOException {
            first.write(b);
            second.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            first.write(b, off, len);
            second.write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            first.flush();
            second.flush();
        }
    }
}
