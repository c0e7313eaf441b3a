package io.distillery.backend.nd4j;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

/**
 * Native memory does not grow with the number of training steps: 10,000 steps of a small MLP through the engine
 * leave the resident set where it was between steps 2,000 and 4,000, give or take what the JIT compiler still
 * emits. The module's tests run on a fixed, pre-touched heap (see its pom), so the heap does not move the figure.
 */
class Nd4jResidentMemoryTest {
    /** Room for code the JIT compiler still emits and malloc's arenas settling; a leak of 2 KiB a step is 16 MiB. */
    private static final long SLACK = 8L << 20;

    @Test
    void tenThousandStepsKeepTheResidentSetFlat() {
        long[] rss = MlpResidentMemory.train(new Nd4jBackend(2), new int[] {784, 128, 128, 10}, 32, 10_000, 1000);
        String series = Arrays.toString(Arrays.stream(rss).map(b -> b >> 20).toArray()) + " MiB every 1,000 steps";
        System.out.println("resident set while training: " + series);
        long settled = Math.max(rss[1], Math.max(rss[2], rss[3]));
        assertTrue(rss[rss.length - 1] <= settled + SLACK, "the resident set grew: " + series);
    }
}
