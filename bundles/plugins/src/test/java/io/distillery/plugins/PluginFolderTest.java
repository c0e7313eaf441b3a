package io.distillery.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.File;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;

/** Which bundles came from the plugins folder. */
class PluginFolderTest {

    @TempDir
    Path folder;

    @Test
    void aBundleInstalledFromTheFolderIsAPlugin() {
        String location = folder.resolve("strategy.jar").toUri().normalize().toString();
        assertEquals("strategy.jar", new PluginFolder(folder.toFile()).fileName(bundleAt(location)));
    }

    @Test
    void otherBundlesAreNot() {
        PluginFolder plugins = new PluginFolder(folder.toFile());
        assertNull(plugins.fileName(bundleAt("jar/io.distillery.cli-0.1.0.jar")));
        String sibling = new File(folder.toFile() + "-other", "x.jar").toURI().toString();
        assertNull(plugins.fileName(bundleAt(sibling)));
    }

    private static Bundle bundleAt(String location) {
        return (Bundle) Proxy.newProxyInstance(Bundle.class.getClassLoader(), new Class<?>[] {Bundle.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getLocation")) {
                        return location;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
