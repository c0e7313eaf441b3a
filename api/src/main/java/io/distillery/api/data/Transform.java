package io.distillery.api.data;

import java.util.random.RandomGenerator;

import io.distillery.api.tensor.Shape;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * An augmentation or normalisation applied to one example's input before batching. It draws all its
 * randomness from the generator it is given, so one seed gives one augmentation sequence. Implemented by
 * dataset bundles and the engine.
 */
@ConsumerType
@FunctionalInterface
public interface Transform {

    /**
     * Transforms an example in place.
     *
     * @param input the example's values, {@code shape.size()} of them
     * @param shape the example's shape
     * @param random the generator to draw from
     */
    void apply(float[] input, Shape shape, RandomGenerator random);
}
