package io.distillery.dataset.cifar;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.distillery.api.data.DataSplits;
import io.distillery.api.data.Dataset;
import io.distillery.api.tensor.Shape;
import io.distillery.data.support.ByteImages;
import io.distillery.data.support.DataFiles;

/**
 * Reads CIFAR binary files. Every file's length is checked to be a whole number of records before anything is
 * allocated, and every label against the class count, so a truncated or foreign file fails naming itself.
 */
final class CifarReader {
    private static final Shape SHAPE = Shape.of(3, 32, 32);

    private CifarReader() {}

    /**
     * @param location the folder holding the files, or the folder the archive unpacked into
     * @param format the variant
     * @return the training and test parts
     * @throws IOException naming the file and what is wrong
     */
    static DataSplits read(Path location, CifarFormat format) throws IOException {
        DataFiles.directory(location, format.expected());
        Path dir = Files.isDirectory(location.resolve(format.folder())) ? location.resolve(format.folder()) : location;
        List<Path> train = new ArrayList<>();
        for (String name : format.trainFiles()) {
            train.add(DataFiles.file(dir, format.expected(), name));
        }
        Path test = DataFiles.file(dir, format.expected(), format.testFile());
        return new DataSplits(part(format, format.name() + "/train", train), part(format, format.name() + "/test", List.of(test)));
    }

    private static Dataset part(CifarFormat format, String name, List<Path> files) throws IOException {
        long records = 0;
        for (Path file : files) {
            records += records(file, format);
        }
        if (records * CifarFormat.IMAGE_BYTES > Integer.MAX_VALUE - 8) {
            throw new IOException(name + ": " + records + " images are more than one array holds");
        }
        byte[] pixels = new byte[(int) records * CifarFormat.IMAGE_BYTES];
        int[] labels = new int[(int) records];
        int at = 0;
        for (Path file : files) {
            at = readRecords(file, format, pixels, labels, at);
        }
        return new ByteImages(name, SHAPE, format.classes(), pixels, labels);
    }

    private static long records(Path file, CifarFormat format) throws IOException {
        long length = Files.size(file);
        if (length == 0 || length % format.recordBytes() != 0) {
            throw new IOException(file + ": truncated or not a CIFAR file: " + length + " bytes are not a whole number of "
                    + format.recordBytes() + "-byte records (" + length / format.recordBytes() + " records and "
                    + length % format.recordBytes() + " bytes)");
        }
        return length / format.recordBytes();
    }

    private static int readRecords(Path file, CifarFormat format, byte[] pixels, int[] labels, int first) throws IOException {
        byte[] label = new byte[format.labelBytes()];
        int n = (int) records(file, format);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            for (int r = 0; r < n; r++) {
                int i = first + r;
                if (in.readNBytes(label, 0, label.length) < label.length
                        || in.readNBytes(pixels, i * CifarFormat.IMAGE_BYTES, CifarFormat.IMAGE_BYTES) < CifarFormat.IMAGE_BYTES) {
                    throw new IOException(file + ": truncated in record " + r + " (the file shrank while being read)");
                }
                labels[i] = label[format.labelAt()] & 0xff;
                if (labels[i] >= format.classes()) {
                    throw new IOException(file + ": record " + r + " has label " + labels[i] + ", outside 0.."
                            + (format.classes() - 1) + " of " + format.name());
                }
            }
        }
        return first + n;
    }
}
