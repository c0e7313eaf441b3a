package io.distillery.data.transform;

import java.util.random.RandomGenerator;

import io.distillery.api.data.Transform;
import io.distillery.api.tensor.Shape;

/**
 * Adds independent Gaussian noise of a given standard deviation to every value: {@code gaussian-noise} for
 * images and {@code jitter} for time series are this one transform under the names each field uses.
 */
final class AdditiveNoise implements Transform {
    private final double std;

    /** @param std the noise's standard deviation */
    AdditiveNoise(double std) {
        this.std = std;
    }

    @Override
    public void apply(float[] input, Shape shape, RandomGenerator random) {
        for (int i = 0; i < shape.size(); i++) {
            input[i] += (float) (random.nextGaussian() * std);
        }
    }
}
