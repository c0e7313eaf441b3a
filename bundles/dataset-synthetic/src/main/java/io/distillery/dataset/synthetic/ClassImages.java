package io.distillery.dataset.synthetic;

import io.distillery.api.data.Dataset;
import io.distillery.api.tensor.SeededRandom;
import io.distillery.api.tensor.Shape;
import io.distillery.data.support.ByteImages;

/**
 * Random images: each class has a random template image, and each example is its class's template plus
 * Gaussian pixel noise, held as bytes like a real image data set. A convolutional model learns it in a few
 * steps, which makes it a cheap stand-in for MNIST or CIFAR in tests and benchmarks.
 *
 * @param classes the number of classes
 * @param channels the channels of an image
 * @param size the height and width of an image
 * @param noise the noise's standard deviation, as a fraction of the value range
 */
record ClassImages(int classes, int channels, int size, double noise) implements Generator {

    @Override
    public Dataset generate(String name, int count, SeededRandom task, SeededRandom examples) {
        int n = channels * size * size;
        byte[] templates = new byte[classes * n];
        task.nextBytes(templates);
        byte[] pixels = new byte[count * n];
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = i % classes;
            for (int p = 0; p < n; p++) {
                double v = (templates[labels[i] * n + p] & 0xff) + examples.nextGaussian() * noise * 255;
                pixels[i * n + p] = (byte) Math.max(0, Math.min(255, Math.round(v)));
            }
        }
        return new ByteImages(name, Shape.of(channels, size, size), classes, pixels, labels);
    }
}
