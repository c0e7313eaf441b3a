package io.distillery.plugins;

import java.io.File;
import java.io.IOException;
import java.util.Optional;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import org.apache.felix.fileinstall.ArtifactInstaller;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Component;

/**
 * Claims the files in the plugins folder that are not OSGi bundles, and reports each once.
 *
 * <p>FileInstall offers every new or changed file to its artifact listeners, highest ranking first, and to its
 * own bundle installer last. A file nobody claims is silently offered again at every poll; this listener, ranked
 * lowest, claims the files that are not bundles so that each gets one line instead of silence. Configuration
 * files ({@code .cfg}, {@code .config}) go to FileInstall's higher-ranked configuration installer first.
 */
@Component(property = "service.ranking:Integer=-2147483648")
public final class NotABundleReporter implements ArtifactInstaller {

    @Override
    public boolean canHandle(File artifact) {
        return problem(artifact).isPresent();
    }

    @Override
    public void install(File artifact) {
        problem(artifact).ifPresent(problem -> PluginLog.report(artifact.getName(), problem));
    }

    @Override
    public void update(File artifact) {
        install(artifact);
    }

    @Override
    public void uninstall(File artifact) {
        // Nothing was installed for it.
    }

    /**
     * Tells why a file is not an OSGi bundle.
     *
     * @param file a file in the plugins folder
     * @return why it is not a bundle, or empty when it is one
     */
    static Optional<String> problem(File file) {
        try (JarFile jar = new JarFile(file)) {
            Manifest manifest = jar.getManifest();
            if (manifest == null) {
                return Optional.of("not an OSGi bundle: a jar without META-INF/MANIFEST.MF; ignored");
            }
            if (manifest.getMainAttributes().getValue(Constants.BUNDLE_SYMBOLICNAME) == null) {
                return Optional.of("not an OSGi bundle: its manifest has no Bundle-SymbolicName; ignored");
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("not an OSGi bundle: not a jar file (" + e.getMessage() + "); ignored");
        }
    }
}
