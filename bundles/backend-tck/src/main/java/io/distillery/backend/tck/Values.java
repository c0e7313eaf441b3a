package io.distillery.backend.tck;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Seeded test inputs. */
final class Values {
    private Values() {
    }

    /** @return {@code n} values uniform in {@code [lo, hi)} */
    static float[] uniform(SplittableRandom random, int n, double lo, double hi) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) random.nextDouble(lo, hi);
        }
        return v;
    }

    /** @return {@code n} integers in {@code [lo, hi]}, as floats: inputs with ties and exact sums */
    static float[] integers(SplittableRandom random, int n, int lo, int hi) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = random.nextInt(lo, hi + 1);
        }
        return v;
    }

    /** @return {@code n} copies of {@code value} */
    static float[] filled(int n, float value) {
        float[] v = new float[n];
        Arrays.fill(v, value);
        return v;
    }

    /** @return the number of elements of a shape */
    static int size(int... shape) {
        int size = 1;
        for (int s : shape) {
            size *= s;
        }
        return size;
    }
}
