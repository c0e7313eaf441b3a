package io.distillery.api.tensor;

import java.util.random.RandomGenerator;

/**
 * A seeded, splittable pseudo-random generator whose whole state is one {@code long}.
 *
 * <p>Every random number in a run (initial weights, dropout masks, shuffling, augmentation) comes from
 * instances of this class, never from a backend, so one seed gives the same run on every backend; and
 * because the state is a single value, a checkpoint can store it and a resumed run continue the same
 * sequence. The algorithm is SplitMix64 (Steele, Lea and Flood, "Fast splittable pseudorandom number
 * generators", OOPSLA 2014). Not thread-safe: give each thread its own instance via {@link #split()}.
 */
public final class SeededRandom implements RandomGenerator {
    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

    private long state;

    /** @param seed the seed; equal seeds give equal sequences */
    public SeededRandom(long seed) {
        this.state = seed;
    }

    @Override
    public long nextLong() {
        long z = (state += GOLDEN_GAMMA);
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /**
     * Derives an independent generator, advancing this one by one step.
     *
     * @return a new generator seeded from this one's next value
     */
    public SeededRandom split() {
        return new SeededRandom(nextLong());
    }

    /** @return the current state; {@link #setState(long)} with it continues the same sequence */
    public long state() {
        return state;
    }

    /** @param state a value returned by {@link #state()} */
    public void setState(long state) {
        this.state = state;
    }
}
