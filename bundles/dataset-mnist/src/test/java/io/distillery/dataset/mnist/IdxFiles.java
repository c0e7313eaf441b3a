package io.distillery.dataset.mnist;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Writes IDX files as the MNIST distribution does, including deliberately broken ones. */
final class IdxFiles {

    private IdxFiles() {}

    /**
     * @param file where to write; gzipped if the name ends in {@code .gz}
     * @param magic the magic number, normally {@code 0x0801} or {@code 0x0803}
     * @param dims the declared sizes
     * @param values the bytes after the header, however many
     */
    static void write(Path file, int magic, int[] dims, byte[] values) throws IOException {
        OutputStream raw = Files.newOutputStream(file);
        try (DataOutputStream out = new DataOutputStream(file.toString().endsWith(".gz") ? new GZIPOutputStream(raw) : raw)) {
            out.writeInt(magic);
            for (int d : dims) {
                out.writeInt(d);
            }
            out.write(values);
        }
    }

    /**
     * Writes a small, valid MNIST-like set: {@code count} images of {@code rows x cols} whose every pixel is the
     * image's index, and labels {@code index % 3}.
     */
    static void images(Path dir, String prefix, int count, int rows, int cols, boolean gzip) throws IOException {
        byte[] pixels = new byte[count * rows * cols];
        byte[] labels = new byte[count];
        for (int i = 0; i < count; i++) {
            labels[i] = (byte) (i % 3);
            for (int p = 0; p < rows * cols; p++) {
                pixels[i * rows * cols + p] = (byte) i;
            }
        }
        String gz = gzip ? ".gz" : "";
        write(dir.resolve(prefix + "-images-idx3-ubyte" + gz), 0x803, new int[] {count, rows, cols}, pixels);
        write(dir.resolve(prefix + "-labels-idx1-ubyte" + gz), 0x801, new int[] {count}, labels);
    }
}
