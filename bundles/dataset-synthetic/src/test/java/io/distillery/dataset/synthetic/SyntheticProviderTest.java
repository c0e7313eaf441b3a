package io.distillery.dataset.synthetic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import io.distillery.api.data.DataSplits;
import io.distillery.api.data.Dataset;

import org.junit.jupiter.api.Test;

/** The generators: sizes, shapes, seeding, and that the tasks are learnable as they claim. */
class SyntheticProviderTest {
    private final SyntheticProvider provider = new SyntheticProvider();

    private static float[] input(Dataset d, int i) {
        float[] x = new float[d.inputShape().size()];
        d.input(i, x, 0);
        return x;
    }

    /** @return the test accuracy of the nearest class mean of the training part: how separable a task is */
    private static double nearestMeanAccuracy(DataSplits s) {
        int n = s.train().inputShape().size();
        double[][] means = new double[s.train().classCount()][n];
        int[] counts = new int[means.length];
        for (int i = 0; i < s.train().size(); i++) {
            float[] x = input(s.train(), i);
            counts[s.train().label(i)]++;
            for (int k = 0; k < n; k++) {
                means[s.train().label(i)][k] += x[k];
            }
        }
        for (int c = 0; c < means.length; c++) {
            for (int k = 0; k < n; k++) {
                means[c][k] /= counts[c];
            }
        }
        int right = 0;
        for (int i = 0; i < s.test().size(); i++) {
            float[] x = input(s.test(), i);
            int best = 0;
            double bestDistance = Double.MAX_VALUE;
            for (int c = 0; c < means.length; c++) {
                double d = 0;
                for (int k = 0; k < n; k++) {
                    double diff = x[k] - means[c][k];
                    d += diff * diff;
                }
                if (d < bestDistance) {
                    bestDistance = d;
                    best = c;
                }
            }
            right += best == s.test().label(i) ? 1 : 0;
        }
        return right / (double) s.test().size();
    }

    @Test
    void blobsAreSeededSeparableClusters() {
        DataSplits s = provider.open(null, Map.of("classes", 4, "features", 3, "seed", 5, "train_size", 400));
        assertEquals(400, s.train().size());
        assertEquals(200, s.test().size());
        assertEquals("[3]", s.train().inputShape().toString());
        assertEquals(4, s.train().classCount());
        assertEquals("synthetic-blobs/train", s.train().name());
        assertTrue(nearestMeanAccuracy(s) > 0.9, "clusters share their centres between parts");
        DataSplits again = provider.open(null, Map.of("classes", 4, "features", 3, "seed", 5, "train_size", 400));
        assertArrayEquals(input(s.train(), 7), input(again.train(), 7));
        DataSplits other = provider.open(null, Map.of("classes", 4, "features", 3, "seed", 6, "train_size", 400));
        assertFalse(Arrays.equals(input(s.train(), 7), input(other.train(), 7)));
        assertFalse(Arrays.equals(input(s.train(), 0), input(s.test(), 0)), "the parts have their own examples");
    }

    @Test
    void spiralsWindAroundTheCentre() {
        DataSplits s = provider.open(null, Map.of("kind", "spirals", "noise", 0));
        assertEquals("[2]", s.train().inputShape().toString());
        assertEquals(2, s.train().classCount());
        for (int i = 0; i < 50; i++) {
            float[] p = input(s.train(), i);
            assertTrue(Math.hypot(p[0], p[1]) <= 1 + 1e-6, "on the unit disc without noise");
        }
        assertTrue(nearestMeanAccuracy(s) < 0.8, "interleaved arms are not separable by class means");
    }

    @Test
    void imagesAreBytesAroundClassTemplates() {
        DataSplits s = provider.open(null, Map.of("kind", "images", "size", 8, "channels", 3, "classes", 5,
                "train_size", 100, "test_size", 50));
        assertEquals("[3, 8, 8]", s.train().inputShape().toString());
        for (float v : input(s.train(), 3)) {
            assertTrue(v >= 0 && v <= 1, "bytes scaled to [0, 1]: " + v);
        }
        assertTrue(nearestMeanAccuracy(s) > 0.95);
    }

    @Test
    void rejectsLocationsAndOptionsThatDoNotApply() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> provider.open(Path.of("x"), null));
        assertTrue(e.getMessage().contains("takes no location"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> provider.open(null, Map.of("kind", "spirals", "size", 8)));
        assertEquals("dataset synthetic of kind spirals: unknown option size; known options: classes, kind, noise, seed, "
                + "test_size, train_size, turns", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> provider.open(null, Map.of("kind", "moons")));
        assertTrue(e.getMessage().contains("option 'kind' must be one of blobs, spirals, images"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> provider.open(null, Map.of("classes", 1)));
        assertTrue(e.getMessage().contains("option 'classes' must be an integer in [2, 1000]"), e.getMessage());
    }
}
