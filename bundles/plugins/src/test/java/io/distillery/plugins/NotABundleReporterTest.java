package io.distillery.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which files in the plugins folder are claimed as "not a bundle", and what is said about them. */
class NotABundleReporterTest {

    @TempDir
    Path folder;

    private final NotABundleReporter reporter = new NotABundleReporter();

    @Test
    void aTextFileIsNotAJar() throws IOException {
        File notes = Files.writeString(folder.resolve("notes.txt"), "hello").toFile();
        assertTrue(reporter.canHandle(notes));
        assertTrue(NotABundleReporter.problem(notes).orElseThrow().startsWith("not an OSGi bundle: not a jar file"));
    }

    @Test
    void aJarWithoutManifestIsNotABundle() throws IOException {
        File jar = jar("plain.jar", null);
        assertEquals(Optional.of("not an OSGi bundle: a jar without META-INF/MANIFEST.MF; ignored"),
                NotABundleReporter.problem(jar));
    }

    @Test
    void aLibraryJarWithoutSymbolicNameIsNotABundle() throws IOException {
        Manifest manifest = manifest();
        manifest.getMainAttributes().putValue("Bundle-ManifestVersion", "2");
        assertEquals(Optional.of("not an OSGi bundle: its manifest has no Bundle-SymbolicName; ignored"),
                NotABundleReporter.problem(jar("library.jar", manifest)));
    }

    @Test
    void aBundleIsLeftToFileInstall() throws IOException {
        Manifest manifest = manifest();
        manifest.getMainAttributes().putValue("Bundle-SymbolicName", "com.example.plugin");
        assertFalse(reporter.canHandle(jar("plugin.jar", manifest)));
    }

    private static Manifest manifest() {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        return manifest;
    }

    private File jar(String name, Manifest manifest) throws IOException {
        Path path = folder.resolve(name);
        try (OutputStream file = Files.newOutputStream(path);
                JarOutputStream jar = manifest == null
                        ? new JarOutputStream(file)
                        : new JarOutputStream(file, manifest)) {
            jar.putNextEntry(new ZipEntry("data.txt"));
            jar.write(1);
            jar.closeEntry();
        }
        return path.toFile();
    }
}
