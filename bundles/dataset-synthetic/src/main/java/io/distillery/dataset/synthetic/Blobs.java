package io.distillery.dataset.synthetic;

import io.distillery.api.data.Dataset;
import io.distillery.api.tensor.SeededRandom;
import io.distillery.api.tensor.Shape;
import io.distillery.data.support.FloatExamples;

/**
 * Gaussian blobs: one isotropic Gaussian cluster per class, its centre uniform in {@code [-10, 10]} on every
 * axis (as scikit-learn's {@code make_blobs}), examples of shape {@code [features]}.
 *
 * @param classes the number of clusters
 * @param features the dimension
 * @param std each cluster's standard deviation
 */
record Blobs(int classes, int features, double std) implements Generator {
    private static final double BOX = 10;

    @Override
    public Dataset generate(String name, int count, SeededRandom task, SeededRandom examples) {
        double[] centres = new double[classes * features];
        for (int i = 0; i < centres.length; i++) {
            centres[i] = (2 * task.nextDouble() - 1) * BOX;
        }
        float[] values = new float[count * features];
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = i % classes;
            for (int f = 0; f < features; f++) {
                values[i * features + f] = (float) (centres[labels[i] * features + f] + examples.nextGaussian() * std);
            }
        }
        return new FloatExamples(name, Shape.of(features), classes, values, labels);
    }
}
