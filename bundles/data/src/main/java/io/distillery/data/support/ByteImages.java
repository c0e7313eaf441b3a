package io.distillery.data.support;

import java.util.Objects;

import io.distillery.api.tensor.Shape;

/**
 * Images held as one unsigned byte per value and scaled to floats in {@code [0, 1]} one example at a time, so
 * a data set such as MNIST takes a quarter of the memory floats would.
 */
public final class ByteImages extends LabelledExamples {
    private final byte[] pixels;

    /**
     * @param name the data set's name
     * @param inputShape the shape of one image, e.g. {@code [1, 28, 28]}
     * @param classCount the number of classes
     * @param pixels every image's values, example after example in row-major order; kept, not copied
     * @param labels one label per image; kept, not copied
     * @throws IllegalArgumentException if the pixel count does not match the labels and the shape
     */
    public ByteImages(String name, Shape inputShape, int classCount, byte[] pixels, int[] labels) {
        super(name, inputShape, classCount, labels);
        this.pixels = Objects.requireNonNull(pixels, "pixels");
        if ((long) labels.length * inputShape.size() != pixels.length) {
            throw new IllegalArgumentException(name + ": " + pixels.length + " pixel values do not make "
                    + labels.length + " images of " + inputShape);
        }
    }

    @Override
    public void input(int index, float[] dst, int offset) {
        int n = inputShape().size();
        int from = Objects.checkIndex(index, size()) * n;
        for (int k = 0; k < n; k++) {
            dst[offset + k] = (pixels[from + k] & 0xff) / 255f;
        }
    }
}
