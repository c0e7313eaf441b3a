package io.distillery.backend.nd4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.annotation.Annotation;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** The component's configuration: thread counts at activation and while running, and the JavaCPP cache folder. */
class Nd4jBackendConfigTest {

    private static Nd4jBackend.Config threads(int threads) {
        return new Nd4jBackend.Config() {
            @Override
            public int threads() {
                return threads;
            }

            @Override
            public Class<? extends Annotation> annotationType() {
                return Nd4jBackend.Config.class;
            }
        };
    }

    @Test
    void appliesTheThreadCountAtActivationAndWhenModified() {
        Nd4jBackend backend = new Nd4jBackend(threads(1));
        assertEquals(1, Workers.threads());
        backend.modified(threads(2));
        assertEquals(2, Workers.threads());
        assertEquals(1, Nd4jRuntime.blasThreads(), "OpenBLAS runs on the calling thread; the workers split products");
        backend.modified(threads(0));
        assertEquals(Runtime.getRuntime().availableProcessors(), Workers.threads(), "0 means one per core");
    }

    @Test
    void rejectsANegativeThreadCount() {
        assertThrows(IllegalArgumentException.class, () -> new Nd4jBackend(-1));
    }

    @Test
    void cachesNativeLibrariesPerUserAndJavaCppVersion() {
        assertEquals(Path.of("/xdg/distillery/javacpp-1.5.7"), Nd4jRuntime.defaultCacheDir("/xdg", "/home/u", "1.5.7"));
        assertEquals(Path.of("/home/u/.cache/distillery/javacpp-1.5.7"),
                Nd4jRuntime.defaultCacheDir(null, "/home/u", "1.5.7"));
        assertEquals(Path.of("/home/u/.cache/distillery/javacpp-1.5.7"),
                Nd4jRuntime.defaultCacheDir("relative", "/home/u", "1.5.7"), "a relative XDG_CACHE_HOME is ignored");
    }
}
