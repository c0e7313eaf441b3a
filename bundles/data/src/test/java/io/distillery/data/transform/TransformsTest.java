package io.distillery.data.transform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.distillery.api.data.Transform;
import io.distillery.api.data.TransformProvider;
import io.distillery.api.tensor.SeededRandom;
import io.distillery.api.tensor.Shape;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** What each standard transform does to an example, and how it rejects bad options and shapes. */
class TransformsTest {
    private static final Shape IMAGE = Shape.of(2, 6, 6);

    /** @return an image whose every value differs: 1 + its position / 100 */
    private static float[] image() {
        float[] x = new float[IMAGE.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = 1 + i / 100f;
        }
        return x;
    }

    private static float[] apply(TransformProvider provider, Map<String, Object> options, float[] x, Shape shape, long seed) {
        float[] y = x.clone();
        provider.create(options).apply(y, shape, new SeededRandom(seed));
        return y;
    }

    @Test
    void normalizeUsesEachChannelsMeanAndStd() {
        float[] y = apply(new NormalizeProvider(), Map.of("mean", List.of(1, 2.0), "std", List.of(0.5, 4L)), image(), IMAGE, 0);
        assertEquals((1f - 1) / 0.5f, y[0], 1e-6);
        assertEquals((1 + 36 / 100f - 2) / 4, y[36], 1e-6);
        float[] one = apply(new NormalizeProvider(), Map.of("mean", 1, "std", 2), image(), IMAGE, 0);
        assertEquals((1 + 40 / 100f - 1) / 2, one[40], 1e-6, "one value applies to every channel");
        Transform three = new NormalizeProvider().create(Map.of("mean", List.of(0, 0, 0), "std", List.of(1, 1, 1)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> three.apply(image(), IMAGE, new SeededRandom(0)));
        assertTrue(e.getMessage().contains("3 channel means") && e.getMessage().contains("2 channels"), e.getMessage());
    }

    @Test
    void normalizeRejectsBadOptionsNamingThem() {
        NormalizeProvider p = new NormalizeProvider();
        assertMessage(() -> p.create(Map.of("mean", 0)), "'std' is required");
        assertMessage(() -> p.create(Map.of("mean", 0, "std", 0)), "option 'std' must be a number");
        assertMessage(() -> p.create(Map.of("mean", List.of(0, 0), "std", List.of(1, 1, 1))), "option 'std'");
        assertMessage(() -> p.create(Map.of("mean", 0, "std", 1, "stdev", 1)), "unknown option stdev; known options: mean, std");
    }

    @Test
    void randomCropAndTranslateMoveTheWholeImageWithinTheirRange() {
        for (TransformProvider p : List.of(new RandomCropProvider(), new TranslateProvider())) {
            String option = p instanceof RandomCropProvider ? "padding" : "pixels";
            for (long seed = 0; seed < 20; seed++) {
                float[] y = apply(p, Map.of(option, 2), image(), IMAGE, seed);
                int[] move = findShift(image(), y);
                assertTrue(Math.abs(move[0]) <= 2 && Math.abs(move[1]) <= 2, p + " moved by " + move[0] + ", " + move[1]);
            }
        }
        assertMessage(() -> new TranslateProvider().create(Map.of("pixels", 0)), "option 'pixels' must be an integer in [1,");
        assertMessage(() -> new RandomCropProvider().create(Map.of("padding", 1.5)), "option 'padding' must be an integer");
        assertMessage(() -> new TranslateProvider().create(Map.of()).apply(new float[4], Shape.of(4), new SeededRandom(1)),
                "transform translate needs images");
    }

    /** @return the (dx, dy) for which y is x moved with zero fill, checked on every pixel of both channels */
    private static int[] findShift(float[] x, float[] y) {
        for (int dy = -6; dy <= 6; dy++) {
            for (int dx = -6; dx <= 6; dx++) {
                float[] moved = x.clone();
                new Planes(2, 6, 6).shift(moved, dx, dy, 0);
                if (Arrays.equals(moved, y)) {
                    return new int[] {dx, dy};
                }
            }
        }
        throw new AssertionError("not a shifted copy");
    }

    @Test
    void horizontalFlipMirrorsRowsWithItsProbability() {
        float[] y = apply(new HorizontalFlipProvider(), Map.of("probability", 1), image(), IMAGE, 0);
        assertEquals(image()[5], y[0]);
        assertEquals(image()[36 + 6], y[36 + 11]);
        assertArrayEquals(image(), apply(new HorizontalFlipProvider(), Map.of("probability", 1), y, IMAGE, 0));
        assertArrayEquals(image(), apply(new HorizontalFlipProvider(), Map.of("probability", 0), image(), IMAGE, 0));
        assertMessage(() -> new HorizontalFlipProvider().create(Map.of("probability", 2)), "option 'probability'");
    }

    @Test
    void cutoutBlanksOneClippedSquareInEveryChannel() {
        for (long seed = 0; seed < 20; seed++) {
            float[] y = apply(new CutoutProvider(), Map.of("size", 3, "fill", -1), image(), IMAGE, seed);
            int first = 0;
            int second = 0;
            for (int i = 0; i < 36; i++) {
                first += y[i] == -1 ? 1 : 0;
                second += y[36 + i] == -1 ? 1 : 0;
                assertEquals(y[i] == -1, y[36 + i] == -1, "the same square in each channel");
            }
            assertTrue(first >= 1 && first <= 9 && first == second, "blanked " + first);
        }
        assertMessage(() -> new CutoutProvider().create(Map.of("size", "big")), "option 'size' must be an integer");
    }

    @Test
    void gaussianNoiseAndJitterAddNoiseOfTheirStd() {
        Shape shape = Shape.of(10_000);
        for (TransformProvider p : List.of(new GaussianNoiseProvider(), new JitterProvider())) {
            float[] y = apply(p, Map.of("std", 0.5), new float[10_000], shape, 3);
            double sum = 0;
            double squares = 0;
            for (float v : y) {
                sum += v;
                squares += v * v;
            }
            assertEquals(0, sum / y.length, 0.03);
            assertEquals(0.5, Math.sqrt(squares / y.length), 0.02);
        }
        assertMessage(() -> new JitterProvider().create(Map.of("std", -1)), "transform jitter: option 'std'");
    }

    @Test
    void scalingMultipliesEachChannelByOneFactor() {
        Shape series = Shape.of(3, 50);
        float[] ones = new float[150];
        Arrays.fill(ones, 1);
        float[] y = apply(new ScalingProvider(), Map.of("std", 0.2), ones, series, 5);
        for (int c = 0; c < 3; c++) {
            for (int t = 1; t < 50; t++) {
                assertEquals(y[c * 50], y[c * 50 + t]);
            }
        }
        assertNotEquals(y[0], y[50]);
    }

    @Test
    void windowSliceStretchesAWindowOverTheWholeLength() {
        Shape series = Shape.of(1, 101);
        float[] ramp = new float[101];
        for (int t = 0; t < 101; t++) {
            ramp[t] = t;
        }
        float[] y = apply(new WindowSliceProvider(), Map.of("ratio", 0.5), ramp, series, 7);
        double step = y[1] - y[0];
        assertEquals(0.5, step, 1e-4, "51 steps of the ramp stretched over 101");
        for (int t = 1; t < 101; t++) {
            assertEquals(step, y[t] - y[t - 1], 1e-3, "a ramp stays a ramp");
        }
        assertTrue(y[0] >= 0 && y[100] <= 100);
        assertArrayEquals(ramp, apply(new WindowSliceProvider(), Map.of("ratio", 1), ramp, series, 7));
        assertMessage(() -> new WindowSliceProvider().create(Map.of("ratio", 0)), "option 'ratio'");
    }

    @Test
    void randAugmentKeepsValuesInRangeAndChangesImagesAtFullMagnitude() {
        int changed = 0;
        for (long seed = 0; seed < 30; seed++) {
            float[] x = image();
            for (int i = 0; i < x.length; i++) {
                x[i] = (x[i] - 1) * 1.3f;
            }
            float[] y = apply(new RandAugmentProvider(), Map.of("ops", 3, "magnitude", 10), x, IMAGE, seed);
            for (float v : y) {
                assertTrue(v >= 0 && v <= 1, "value " + v);
            }
            changed += Arrays.equals(x, y) ? 0 : 1;
        }
        assertTrue(changed > 20, changed + " of 30 changed");
        assertMessage(() -> new RandAugmentProvider().create(Map.of("magnitude", 11)), "option 'magnitude' must be a number in [0.0, 10.0]");
    }

    @Test
    void everyRandAugmentOperationKeepsValuesInRange() {
        for (RandAugmentOp op : RandAugmentOp.values()) {
            float[] x = image();
            for (int i = 0; i < x.length; i++) {
                x[i] -= 1;
            }
            op.apply(x, new Planes(2, 6, 6), 1, new SeededRandom(1));
            for (float v : x) {
                assertTrue(v >= 0 && v <= 1, op + " gave " + v);
            }
        }
    }

    @Test
    void oneSeedGivesOneAugmentation() {
        TransformProvider p = new RandAugmentProvider();
        float[] a = apply(p, Map.of(), image(), IMAGE, 11);
        assertArrayEquals(a, apply(p, Map.of(), image(), IMAGE, 11));
        assertFalse(Arrays.equals(apply(new GaussianNoiseProvider(), Map.of(), image(), IMAGE, 1),
                apply(new GaussianNoiseProvider(), Map.of(), image(), IMAGE, 2)));
    }

    private static void assertMessage(Executable call, String part) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(part), e.getMessage());
    }
}
