package io.distillery.engine;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * A minimal reader of the real MNIST IDX files, for tests until the dataset bundle exists. The files are found
 * in {@code distillery.mnist} or {@code ../../../shared/data/mnist} relative to the module (the shared folder
 * beside the clone).
 */
final class Mnist {
    final byte[] images;
    final byte[] labels;
    final int count;

    private Mnist(byte[] images, byte[] labels, int count) {
        this.images = images;
        this.labels = labels;
        this.count = count;
    }

    static Path directory() {
        return Path.of(System.getProperty("distillery.mnist", "../../../shared/data/mnist"));
    }

    static Mnist train() throws IOException {
        return read("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz");
    }

    static Mnist test() throws IOException {
        return read("t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz");
    }

    private static Mnist read(String imageFile, String labelFile) throws IOException {
        Path dir = directory();
        try (DataInputStream im = open(dir.resolve(imageFile)); DataInputStream lb = open(dir.resolve(labelFile))) {
            if (im.readInt() != 0x803 || lb.readInt() != 0x801) {
                throw new IOException("not MNIST IDX files: " + dir);
            }
            int n = im.readInt();
            int rows = im.readInt();
            int cols = im.readInt();
            if (lb.readInt() != n || rows != 28 || cols != 28) {
                throw new IOException("unexpected MNIST sizes in " + dir);
            }
            byte[] images = im.readNBytes(n * 784);
            byte[] labels = lb.readNBytes(n);
            if (images.length != n * 784 || labels.length != n) {
                throw new IOException("truncated MNIST files in " + dir);
            }
            return new Mnist(images, labels, n);
        }
    }

    private static DataInputStream open(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        return new DataInputStream(new GZIPInputStream(in, 1 << 16));
    }

    // the training set's pixel mean and standard deviation, the usual normalisation
    private static final float MEAN = 0.1307f;
    private static final float STD = 0.3081f;

    /** Writes examples {@code order[from..from+n)}, normalised to zero mean and unit variance, and their labels. */
    void batch(int[] order, int from, int n, float[] x, float[] y) {
        for (int b = 0; b < n; b++) {
            int i = order[from + b];
            for (int p = 0; p < 784; p++) {
                x[b * 784 + p] = ((images[i * 784 + p] & 0xff) / 255f - MEAN) / STD;
            }
            y[b] = labels[i];
        }
    }
}
