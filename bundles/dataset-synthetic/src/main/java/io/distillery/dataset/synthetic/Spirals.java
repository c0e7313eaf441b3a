package io.distillery.dataset.synthetic;

import io.distillery.api.data.Dataset;
import io.distillery.api.tensor.SeededRandom;
import io.distillery.api.tensor.Shape;
import io.distillery.data.support.FloatExamples;

/**
 * Interleaved spirals in the plane, one arm per class (two for the classic two-spirals task): a point at
 * radius {@code r} uniform in {@code [0, 1]} lies at angle {@code 2π·turns·r} plus the arm's offset, then Gaussian
 * noise is added. Not linearly separable, so a model must learn a non-linear boundary.
 *
 * @param classes the number of arms
 * @param turns how many times each arm winds around the centre
 * @param noise the standard deviation of the noise added to each coordinate
 */
record Spirals(int classes, double turns, double noise) implements Generator {

    @Override
    public Dataset generate(String name, int count, SeededRandom task, SeededRandom examples) {
        float[] values = new float[count * 2];
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = i % classes;
            double r = examples.nextDouble();
            double angle = 2 * Math.PI * (turns * r + (double) labels[i] / classes);
            values[2 * i] = (float) (r * Math.cos(angle) + examples.nextGaussian() * noise);
            values[2 * i + 1] = (float) (r * Math.sin(angle) + examples.nextGaussian() * noise);
        }
        return new FloatExamples(name, Shape.of(2), classes, values, labels);
    }
}
