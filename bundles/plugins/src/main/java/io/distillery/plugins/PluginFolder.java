package io.distillery.plugins;

import java.io.File;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * The folder FileInstall watches, as named by the framework property {@value #PROPERTY}, and a test for which
 * bundles came from it: FileInstall installs a plugin with its file's {@code file:} URI as the bundle location.
 */
final class PluginFolder {

    /** The framework property FileInstall reads its folder from. */
    static final String PROPERTY = "felix.fileinstall.dir";

    private final Path folder;

    /** @param folder the watched folder; a relative path is taken against the working directory, as FileInstall does */
    PluginFolder(File folder) {
        this.folder = folder.toPath().toAbsolutePath().normalize();
    }

    /**
     * @param context a bundle context of the running framework
     * @return the folder FileInstall watches there, or {@code ./load}, FileInstall's own default, when unset
     */
    static PluginFolder of(BundleContext context) {
        String folder = context.getProperty(PROPERTY);
        return new PluginFolder(new File(folder == null ? "load" : folder));
    }

    /**
     * @param bundle any bundle
     * @return the name of the plugin file the bundle was installed from, or {@code null} when it is not a plugin
     */
    String fileName(Bundle bundle) {
        try {
            URI location = new URI(bundle.getLocation());
            if (!"file".equals(location.getScheme())) {
                return null;
            }
            Path file = Path.of(location).normalize();
            return folder.equals(file.getParent()) ? file.getFileName().toString() : null;
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null; // not a file location, so not a plugin
        }
    }
}
