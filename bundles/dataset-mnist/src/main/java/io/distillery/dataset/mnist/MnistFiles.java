package io.distillery.dataset.mnist;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Path;

import io.distillery.data.support.DataFiles;

/**
 * Finds the four IDX files of an MNIST-family data set: in a directory, gzipped or raw under their standard
 * names, or embedded in this bundle.
 *
 * @param trainImages the training images
 * @param trainLabels the training labels
 * @param testImages the test images
 * @param testLabels the test labels
 */
record MnistFiles(IdxInput trainImages, IdxInput trainLabels, IdxInput testImages, IdxInput testLabels) {
    private static final String RESOURCES = "/io/distillery/dataset/mnist/";

    /** What a directory must hold, for messages. */
    static final String EXPECTED = "the IDX files train-images-idx3-ubyte, train-labels-idx1-ubyte, "
            + "t10k-images-idx3-ubyte and t10k-labels-idx1-ubyte, each gzipped (.gz) or raw";

    /** @return the real MNIST shipped in this bundle @throws IOException if a file is missing from the bundle */
    static MnistFiles embedded() throws IOException {
        return new MnistFiles(resource("train-images-idx3-ubyte.gz"), resource("train-labels-idx1-ubyte.gz"),
                resource("t10k-images-idx3-ubyte.gz"), resource("t10k-labels-idx1-ubyte.gz"));
    }

    /**
     * @param dir a directory holding the four files
     * @return them
     * @throws IOException naming the directory and the file that is missing
     */
    static MnistFiles in(Path dir) throws IOException {
        DataFiles.directory(dir, EXPECTED);
        return new MnistFiles(file(dir, "training images", "train-images-idx3-ubyte"),
                file(dir, "training labels", "train-labels-idx1-ubyte"),
                file(dir, "test images", "t10k-images-idx3-ubyte"),
                file(dir, "test labels", "t10k-labels-idx1-ubyte"));
    }

    private static IdxInput file(Path dir, String what, String name) throws IOException {
        return IdxInput.of(DataFiles.file(dir, "the " + what + " (IDX)", name + ".gz", name));
    }

    private static IdxInput resource(String name) throws IOException {
        URL url = MnistFiles.class.getResource(RESOURCES + name);
        if (url == null) {
            throw new IOException("the embedded MNIST file " + RESOURCES + name + " is missing from the bundle");
        }
        return IdxInput.of(url);
    }
}
