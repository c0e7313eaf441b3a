package io.distillery.data;

import java.util.random.RandomGenerator;

import io.distillery.api.tensor.SeededRandom;

/**
 * Derives the generators of one loader or split from its seed, so that every random choice depends only on the
 * seed and on what it is for (the order of epoch {@code e}; the augmentation of example {@code i} in epoch
 * {@code e}; the labelled examples of class {@code c}), never on how many numbers something else drew first or
 * on which thread drew them.
 */
final class Seeds {
    // Distinct streams, so that an epoch's order and its augmentations never share numbers.
    private static final long ORDER = 0x6f72646572L;
    private static final long AUGMENT = 0x6175676d656eL;

    private Seeds() {}

    /**
     * @param seed the seed
     * @param part what the generator is for, such as an epoch or an example index
     * @return a seed for that part, statistically independent of the seeds of other parts
     */
    static long derive(long seed, long part) {
        // One SplitMix64 step over the combined value: a bijective mix, so distinct inputs rarely collide.
        return new SeededRandom(seed ^ (part * 0xc2b2ae3d27d4eb4fL)).nextLong();
    }

    /** @param seed the loader's seed @param epoch the epoch @return the generator of that epoch's order */
    static SeededRandom order(long seed, int epoch) {
        return new SeededRandom(derive(derive(seed, ORDER), epoch));
    }

    /**
     * @param seed the loader's seed
     * @param epoch the epoch
     * @return the key that {@link #derive} combines with an example's index into that example's generator seed
     */
    static long augmentation(long seed, int epoch) {
        return derive(derive(seed, AUGMENT), epoch);
    }

    /**
     * Shuffles in place with the Fisher–Yates algorithm.
     *
     * @param values the values to shuffle
     * @param random the generator to draw from
     * @return the same array
     */
    static int[] shuffle(int[] values, RandomGenerator random) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int v = values[i];
            values[i] = values[j];
            values[j] = v;
        }
        return values;
    }

    /** @param n a count @return {@code [0, 1, ..., n-1]} */
    static int[] identity(int n) {
        int[] values = new int[n];
        for (int i = 0; i < n; i++) {
            values[i] = i;
        }
        return values;
    }
}
