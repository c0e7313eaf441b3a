package io.distillery.dataset.cifar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
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

/** Small files in the CIFAR binary format, and bad ones. */
class CifarProviderTest {
    @TempDir
    Path dir;

    /**
     * Writes records whose labels are {@code labels} and whose red, green and blue planes are filled with
     * {@code 10 * record}, {@code 10 * record + 1} and {@code 10 * record + 2}.
     */
    private static void write(Path file, int[]... labels) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int r = 0; r < labels.length; r++) {
            for (int l : labels[r]) {
                out.write(l);
            }
            for (int c = 0; c < 3; c++) {
                for (int p = 0; p < 1024; p++) {
                    out.write(10 * r + c);
                }
            }
        }
        Files.createDirectories(file.getParent());
        Files.write(file, out.toByteArray());
    }

    private Path cifar10() throws IOException {
        Path batches = dir.resolve("cifar-10-batches-bin");
        for (int b = 1; b <= 5; b++) {
            write(batches.resolve("data_batch_" + b + ".bin"), new int[] {b}, new int[] {9});
        }
        write(batches.resolve("test_batch.bin"), new int[] {3}, new int[] {4}, new int[] {5});
        return batches;
    }

    @Test
    void readsCifar10FromItsFolderOrTheFolderAbove() throws IOException {
        Path batches = cifar10();
        for (Path location : new Path[] {batches, dir}) {
            DataSplits splits = new Cifar10Provider().open(location, Map.of());
            Dataset train = splits.train();
            assertEquals(10, train.size());
            assertEquals(3, splits.test().size());
            assertEquals("[3, 32, 32]", train.inputShape().toString());
            assertEquals(10, train.classCount());
            assertEquals("cifar10/train", train.name());
            assertEquals(3, train.label(4), "the first record of the third batch");
            assertEquals(9, train.label(5));
            float[] x = new float[3072];
            splits.test().input(2, x, 0);
            assertEquals(20 / 255f, x[0]);
            assertEquals(21 / 255f, x[1024 + 7], "the green plane");
            assertEquals(22 / 255f, x[3071], "the blue plane");
        }
    }

    @Test
    void readsCifar100FineOrCoarse() throws IOException {
        Path folder = dir.resolve("cifar-100-binary");
        write(folder.resolve("train.bin"), new int[] {19, 99}, new int[] {0, 1});
        write(folder.resolve("test.bin"), new int[] {7, 42});
        DataSplits fine = new Cifar100Provider().open(dir, null);
        assertEquals(100, fine.train().classCount());
        assertEquals(99, fine.train().label(0));
        assertEquals(42, fine.test().label(0));
        DataSplits coarse = new Cifar100Provider().open(folder, Map.of("labels", "coarse"));
        assertEquals(20, coarse.train().classCount());
        assertEquals(19, coarse.train().label(0));
        assertEquals(7, coarse.test().label(0));
        assertMessage(IllegalArgumentException.class, () -> new Cifar100Provider().open(dir, Map.of("labels", "both")),
                "dataset cifar100: option 'labels' must be one of fine, coarse, got both");
        assertMessage(IllegalArgumentException.class, () -> new Cifar10Provider().open(dir, Map.of("labels", "fine")),
                "dataset cifar10: unknown option labels; known options: (none)");
    }

    @Test
    void truncatedFile() throws IOException {
        Path batches = cifar10();
        Path file = batches.resolve("data_batch_2.bin");
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length - 100));
        assertMessage(IOException.class, () -> new Cifar10Provider().open(batches, null),
                "data_batch_2.bin: truncated or not a CIFAR file: 6046 bytes are not a whole number of 3073-byte records "
                        + "(1 records and 2973 bytes)");
    }

    @Test
    void labelOutsideTheClasses() throws IOException {
        Path batches = cifar10();
        write(batches.resolve("test_batch.bin"), new int[] {3}, new int[] {10});
        assertMessage(IOException.class, () -> new Cifar10Provider().open(batches, null),
                "test_batch.bin: record 1 has label 10, outside 0..9 of cifar10");
    }

    @Test
    void missingLocationFolderOrFile() throws IOException {
        assertMessage(IllegalArgumentException.class, () -> new Cifar10Provider().open(null, null),
                "dataset cifar10 needs a location: the CIFAR binary files data_batch_1.bin");
        assertMessage(IOException.class, () -> new Cifar10Provider().open(dir.resolve("none"), null),
                "none: no such directory; expected the CIFAR binary files");
        Path batches = cifar10();
        Files.delete(batches.resolve("data_batch_4.bin"));
        assertMessage(IOException.class, () -> new Cifar10Provider().open(dir, null), "none of data_batch_4.bin");
    }

    private static <T extends Exception> void assertMessage(Class<T> type, Executable call, String part) {
        T e = assertThrows(type, call);
        assertTrue(e.getMessage().contains(part), e.getMessage());
    }
}
