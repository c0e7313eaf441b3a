package io.distillery.data.transform;

import java.util.random.RandomGenerator;

import io.distillery.api.data.Transform;
import io.distillery.api.tensor.Shape;

/**
 * Moves an image by a random number of whole pixels in {@code [-pixels, pixels]} along each axis, filling
 * what is uncovered. Padding by {@code p} and cropping back to the original size at a random place (the
 * usual CIFAR "random crop") is exactly this with {@code pixels = p}, so both transforms are this class.
 */
final class Shift implements Transform {
    private final String name;
    private final int pixels;
    private final float fill;

    /** @param name the transform's name, for messages @param pixels the largest move @param fill the new pixels' value */
    Shift(String name, int pixels, float fill) {
        this.name = name;
        this.pixels = pixels;
        this.fill = fill;
    }

    @Override
    public void apply(float[] input, Shape shape, RandomGenerator random) {
        Planes planes = Planes.image(shape, name);
        int dx = random.nextInt(2 * pixels + 1) - pixels;
        int dy = random.nextInt(2 * pixels + 1) - pixels;
        planes.shift(input, dx, dy, fill);
    }
}
