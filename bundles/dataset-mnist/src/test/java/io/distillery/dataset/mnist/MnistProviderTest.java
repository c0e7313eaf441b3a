package io.distillery.dataset.mnist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import io.distillery.api.data.DataSplits;
import io.distillery.api.data.Dataset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/** Small IDX files written in the real format, gzipped and raw, and every kind of bad one. */
class MnistProviderTest {
    private final MnistProvider provider = new MnistProvider();

    @TempDir
    Path dir;

    @Test
    void readsGzippedAndRawFilesUnderTheStandardNames() throws IOException {
        IdxFiles.images(dir, "train", 5, 3, 2, true);
        IdxFiles.images(dir, "t10k", 4, 3, 2, false);
        DataSplits splits = provider.open(dir, null);
        Dataset train = splits.train();
        assertEquals(5, train.size());
        assertEquals(4, splits.test().size());
        assertArrayEquals(new int[] {1, 3, 2}, train.inputShape().toArray());
        assertEquals(3, train.classCount());
        assertEquals(dir.getFileName() + "/train", train.name());
        float[] x = new float[6];
        train.input(4, x, 0);
        float[] expected = new float[6];
        Arrays.fill(expected, 4 / 255f);
        assertArrayEquals(expected, x);
        assertEquals(1, train.label(4));
        assertEquals(0, splits.test().label(3));
    }

    @Test
    void rejectsUnknownOptions() throws IOException {
        IdxFiles.images(dir, "train", 2, 2, 2, false);
        IdxFiles.images(dir, "t10k", 2, 2, 2, false);
        assertMessage(IllegalArgumentException.class, () -> provider.open(dir, Map.of("variant", "fashion")),
                "dataset mnist: unknown option variant; known options: (none)");
    }

    @Test
    void wrongMagicNumber() throws IOException {
        IdxFiles.images(dir, "train", 2, 2, 2, false);
        IdxFiles.images(dir, "t10k", 2, 2, 2, false);
        IdxFiles.write(dir.resolve("t10k-labels-idx1-ubyte"), 0x803, new int[] {2}, new byte[2]);
        assertMessage(IOException.class, () -> provider.open(dir, null),
                "t10k-labels-idx1-ubyte: wrong magic number 0x00000803, expected 0x00000801");
    }

    @Test
    void truncatedRawFile() throws IOException {
        IdxFiles.images(dir, "t10k", 2, 2, 2, false);
        IdxFiles.write(dir.resolve("train-images-idx3-ubyte"), 0x803, new int[] {3, 2, 2}, new byte[10]);
        IdxFiles.write(dir.resolve("train-labels-idx1-ubyte"), 0x801, new int[] {3}, new byte[3]);
        assertMessage(IOException.class, () -> provider.open(dir, null),
                "train-images-idx3-ubyte: truncated: the header declares 12 values, the file holds 10");
    }

    @Test
    void truncatedGzipFile() throws IOException {
        IdxFiles.images(dir, "train", 50, 8, 8, true);
        IdxFiles.images(dir, "t10k", 2, 8, 8, true);
        Path images = dir.resolve("train-images-idx3-ubyte.gz");
        byte[] whole = Files.readAllBytes(images);
        Files.write(images, Arrays.copyOf(whole, whole.length / 2));
        assertMessage(IOException.class, () -> provider.open(dir, null), "train-images-idx3-ubyte.gz: truncated");
    }

    @Test
    void headerOnlyFileIsTruncated() throws IOException {
        IdxFiles.images(dir, "t10k", 2, 2, 2, false);
        IdxFiles.images(dir, "train", 2, 2, 2, false);
        Files.write(dir.resolve("train-labels-idx1-ubyte"), new byte[] {0, 0, 8, 1, 0});
        assertMessage(IOException.class, () -> provider.open(dir, null), "train-labels-idx1-ubyte: truncated");
    }

    @Test
    void imageAndLabelCountsThatDisagree() throws IOException {
        IdxFiles.images(dir, "train", 3, 2, 2, true);
        IdxFiles.images(dir, "t10k", 2, 2, 2, true);
        IdxFiles.write(dir.resolve("train-labels-idx1-ubyte.gz"), 0x801, new int[] {4}, new byte[4]);
        assertMessage(IOException.class, () -> provider.open(dir, null), "holds 3 images, but");
        assertMessage(IOException.class, () -> provider.open(dir, null), "train-labels-idx1-ubyte.gz holds 4 labels");
    }

    @Test
    void dimensionsThatOverflowFailBeforeAllocating() throws IOException {
        IdxFiles.images(dir, "t10k", 2, 2, 2, false);
        IdxFiles.images(dir, "train", 2, 2, 2, false);
        IdxFiles.write(dir.resolve("train-images-idx3-ubyte"), 0x803, new int[] {65536, 65536, 65536}, new byte[8]);
        assertMessage(IOException.class, () -> provider.open(dir, null), "declared dimensions 65536 x 65536 make more than");
        IdxFiles.write(dir.resolve("train-images-idx3-ubyte"), 0x803, new int[] {2, -28, 28}, new byte[8]);
        assertMessage(IOException.class, () -> provider.open(dir, null), "dimension 1 is negative (-28)");
    }

    @Test
    void dimensionsThatExceedTheFileFailBeforeAllocating() throws IOException {
        IdxFiles.images(dir, "t10k", 2, 2, 2, true);
        IdxFiles.images(dir, "train", 2, 2, 2, true);
        // 2^31 - 16 values cannot come out of a gzip file of a few dozen bytes
        IdxFiles.write(dir.resolve("train-images-idx3-ubyte.gz"), 0x803, new int[] {8, 16384, 16383}, new byte[8]);
        assertMessage(IOException.class, () -> provider.open(dir, null),
                "declares 2147352576 values, more than a gzip file of");
        Files.delete(dir.resolve("train-images-idx3-ubyte.gz"));
        IdxFiles.write(dir.resolve("train-images-idx3-ubyte"), 0x803, new int[] {60000, 28, 28}, new byte[8]);
        assertMessage(IOException.class, () -> provider.open(dir, null), "declares 47040000 values, the file holds 8");
    }

    @Test
    void trailingDataIsAnError() throws IOException {
        IdxFiles.images(dir, "t10k", 2, 2, 2, false);
        IdxFiles.images(dir, "train", 2, 2, 2, false);
        IdxFiles.write(dir.resolve("train-labels-idx1-ubyte"), 0x801, new int[] {2}, new byte[5]);
        assertMessage(IOException.class, () -> provider.open(dir, null), "has 3 bytes after the 2 values");
    }

    @Test
    void testImagesOfAnotherSize() throws IOException {
        IdxFiles.images(dir, "train", 2, 2, 2, false);
        IdxFiles.images(dir, "t10k", 2, 3, 3, false);
        assertMessage(IOException.class, () -> provider.open(dir, null), "images of 3 x 3 pixels, but the training images");
    }

    @Test
    void missingDirectoryOrFile() throws IOException {
        Path missing = dir.resolve("fashion");
        assertMessage(IOException.class, () -> provider.open(missing, null),
                missing + ": no such directory; expected the IDX files train-images-idx3-ubyte");
        IdxFiles.images(dir, "train", 2, 2, 2, false);
        assertMessage(IOException.class, () -> provider.open(dir, null),
                "missing the test images (IDX): none of t10k-images-idx3-ubyte.gz, t10k-images-idx3-ubyte");
    }

    static <T extends Exception> void assertMessage(Class<T> type, Executable call, String part) {
        T e = assertThrows(type, call);
        assertTrue(e.getMessage().contains(part), e.getMessage());
    }
}
