package io.distillery.backend.nd4j;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Properties;

import org.bytedeco.javacpp.Loader;
import org.nd4j.common.config.ND4JClassLoading;
import org.nd4j.linalg.factory.Nd4j;

/**
 * ND4J's native CPU runtime: prepared when a backend activates, started on first use, and given its thread counts.
 *
 * <p>Preparing is cheap. Unless the user chose one, JavaCPP is given a cache folder of our own before it fixes
 * its default, so that native libraries are extracted once per JavaCPP version; and a platform this bundle
 * carries no native libraries for fails activation, so that the engine stays on another backend. Starting loads
 * ND4J and its native libraries, about half a second even when they are extracted already; it waits for the
 * first buffer, so that commands which only list services never pay it. It points ND4J's backend discovery at
 * the class loader that holds ND4J: inside a framework the thread's context class loader is not it, and ND4J's
 * {@code ServiceLoader} would find no backend.
 *
 * <p>Threads: libnd4j's OpenMP pool runs none of this backend's kernels, and OpenBLAS runs on the thread that
 * calls it; both are held at 1 thread, because pools spinning on the same cores made a training step several
 * times slower here. The backend's own {@link Workers} split the work instead.
 */
final class Nd4jRuntime {
    /** The system property JavaCPP reads for the folder it extracts native libraries to. */
    static final String CACHE_DIR = "org.bytedeco.javacpp.cachedir";
    /** The one platform whose native libraries the runtime bundle embeds. */
    private static final String PLATFORM = "linux-x86_64";

    private static volatile boolean started;
    private Nd4jRuntime() {
    }

    /**
     * Chooses JavaCPP's cache folder and checks the platform, without loading any native library.
     *
     * @throws IllegalStateException on a platform without native libraries here
     */
    static synchronized void prepare() {
        if (System.getProperty(CACHE_DIR) == null) {
            System.setProperty(CACHE_DIR, defaultCacheDir(System.getenv("XDG_CACHE_HOME"),
                    System.getProperty("user.home"), javaCppVersion()).toString());
        }
        String platform = Loader.getPlatform(); // after the cache folder: asking JavaCPP anything fixes it
        if (!PLATFORM.equals(platform)) {
            throw new IllegalStateException("the nd4j backend carries native libraries for " + PLATFORM
                    + " only, not for " + platform);
        }
    }

    /** Loads ND4J's backend and native libraries unless that happened already. */
    static void start() {
        if (!started) {
            startOnce();
        }
    }

    private static synchronized void startOnce() {
        if (started) {
            return;
        }
        prepare();
        ClassLoader nd4j = ND4JClassLoading.class.getClassLoader(); // a class literal initialises nothing
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(nd4j); // ND4JClassLoading captures it when it initialises, just below
        try {
            ND4JClassLoading.setNd4jClassloader(nd4j);
            Nd4j.getBackend();
            Nd4j.getEnvironment().setMaxThreads(1);
            Nd4j.getEnvironment().setMaxMasterThreads(1);
            Nd4j.factory().blas().setMaxThreads(1);
        } finally {
            thread.setContextClassLoader(previous);
        }
        started = true;
    }

    /** @return the number of threads OpenBLAS uses, as it reports it (1, checked by a test); starts the runtime */
    static int blasThreads() {
        start();
        return Nd4j.factory().blas().getMaxThreads();
    }

    /**
     * The JavaCPP cache folder used unless {@value #CACHE_DIR} is set: per user, per JavaCPP version.
     *
     * @param xdgCacheHome {@code $XDG_CACHE_HOME}, or {@code null}; used when absolute, as the XDG spec says
     * @param userHome the user's home folder
     * @param javaCppVersion JavaCPP's version
     * @return {@code ${XDG_CACHE_HOME:-~/.cache}/distillery/javacpp-VERSION}
     */
    static Path defaultCacheDir(String xdgCacheHome, String userHome, String javaCppVersion) {
        Path base = xdgCacheHome != null && Path.of(xdgCacheHome).isAbsolute() ? Path.of(xdgCacheHome)
                : Path.of(userHome, ".cache");
        return base.resolve("distillery").resolve("javacpp-" + javaCppVersion);
    }

    /**
     * @return the embedded JavaCPP's version, from its Maven metadata: asking JavaCPP's {@code Loader} would fix
     *     its cache folder before we could choose it
     */
    private static String javaCppVersion() {
        Properties pom = new Properties();
        try (InputStream in = Loader.class.getResourceAsStream("/META-INF/maven/org.bytedeco/javacpp/pom.properties")) {
            if (in != null) {
                pom.load(in);
            }
        } catch (IOException e) {
            return "unknown";
        }
        return pom.getProperty("version", "unknown");
    }
}
