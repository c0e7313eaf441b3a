package io.distillery.itests;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** Puts files into the watched plugins folder the way a careful user does: whole, in one rename. */
final class PluginFiles {

    /** An I/O action that writes a file's content. */
    @FunctionalInterface
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private PluginFiles() {}

    /**
     * Writes a file into the folder. It is written under a hidden name first, which FileInstall's filter ignores,
     * and then renamed, so FileInstall never sees half a file.
     *
     * @param folder the plugins folder
     * @param name the file's name there
     * @param content what to write
     * @return the file
     * @throws IOException when the file cannot be written
     */
    static Path drop(Path folder, String name, Content content) throws IOException {
        Path partial = folder.resolve("." + name + ".part");
        try (OutputStream out = Files.newOutputStream(partial)) {
            content.writeTo(out);
        }
        return Files.move(partial, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Writes a bundle that cannot resolve: it imports a package nothing exports.
     *
     * @param symbolicName its symbolic name
     * @param missingPackage the package it imports
     * @return the bundle's content
     */
    static Content unresolvableBundle(String symbolicName, String missingPackage) {
        return out -> {
            Manifest manifest = new Manifest();
            Attributes main = manifest.getMainAttributes();
            main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
            main.putValue("Bundle-ManifestVersion", "2");
            main.putValue("Bundle-SymbolicName", symbolicName);
            main.putValue("Bundle-Version", "1.0.0");
            main.putValue("Import-Package", missingPackage);
            new JarOutputStream(out, manifest).finish();
        };
    }
}
