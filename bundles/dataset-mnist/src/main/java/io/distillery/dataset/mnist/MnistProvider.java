package io.distillery.dataset.mnist;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import io.distillery.api.data.DataSplits;
import io.distillery.api.data.DatasetProvider;
import io.distillery.api.tensor.Shape;
import io.distillery.data.support.ByteImages;
import io.distillery.data.support.Options;

import org.osgi.service.component.annotations.Component;

/**
 * The {@code mnist} data set format: IDX files of unsigned bytes, as MNIST, Fashion-MNIST and KMNIST ship
 * them. Images become examples of shape {@code [1, rows, cols]} held as bytes and scaled to {@code [0, 1]} per
 * example; the class count is the largest label of either part plus one.
 *
 * <p>With no location, the real MNIST embedded in this bundle is opened (LeCun, Cortes and Burges, CC BY-SA
 * 3.0; see the bundle's {@code META-INF/NOTICE}), so a run needs no download.
 */
@Component(property = {DatasetProvider.NAME + "=mnist", DatasetProvider.DESCRIPTION
        + "=IDX images and labels, gzipped or raw: MNIST (embedded, the default), Fashion-MNIST, KMNIST"})
public final class MnistProvider implements DatasetProvider {

    @Override
    public DataSplits open(Path location, Map<String, Object> options) throws IOException {
        Options.of(options, "dataset mnist");
        MnistFiles files = location == null ? MnistFiles.embedded() : MnistFiles.in(location);
        String name = location == null || location.getFileName() == null ? "mnist" : location.getFileName().toString();
        IdxArray trainImages = IdxReader.read(files.trainImages(), 3);
        IdxArray trainLabels = IdxReader.read(files.trainLabels(), 1);
        IdxArray testImages = IdxReader.read(files.testImages(), 3);
        IdxArray testLabels = IdxReader.read(files.testLabels(), 1);
        checkPair(files.trainImages(), trainImages, files.trainLabels(), trainLabels);
        checkPair(files.testImages(), testImages, files.testLabels(), testLabels);
        if (!Arrays.equals(trainImages.dims(), 1, 3, testImages.dims(), 1, 3)) {
            throw new IOException(files.testImages().name() + ": images of " + testImages.dims()[1] + " x "
                    + testImages.dims()[2] + " pixels, but the training images in " + files.trainImages().name()
                    + " are " + trainImages.dims()[1] + " x " + trainImages.dims()[2]);
        }
        int[] train = unsigned(trainLabels.values());
        int[] test = unsigned(testLabels.values());
        int classes = Math.max(max(train), max(test)) + 1;
        Shape shape = Shape.of(1, trainImages.dims()[1], trainImages.dims()[2]);
        return new DataSplits(new ByteImages(name + "/train", shape, classes, trainImages.values(), train),
                new ByteImages(name + "/test", shape, classes, testImages.values(), test));
    }

    private static void checkPair(IdxInput imageFile, IdxArray images, IdxInput labelFile, IdxArray labels)
            throws IOException {
        if (images.count() != labels.count()) {
            throw new IOException(imageFile.name() + " holds " + images.count() + " images, but " + labelFile.name()
                    + " holds " + labels.count() + " labels");
        }
    }

    private static int[] unsigned(byte[] values) {
        int[] out = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i] & 0xff;
        }
        return out;
    }

    private static int max(int[] values) {
        return Arrays.stream(values).max().orElse(0);
    }
}
