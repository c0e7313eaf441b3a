package io.distillery.data.support;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.distillery.api.tensor.Shape;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The helpers dataset bundles share: options, class indices, cells, files and in-memory data sets. */
class SupportTest {

    @Test
    void optionsReadYamlNumbersAndRejectWhatTheyDoNotKnow() {
        Options o = Options.of(Map.of("a", 3L, "b", 2.0, "c", List.of(1, 2.5), "d", true, "e", "x"), "test", "a", "b",
                "c", "d", "e", "f");
        assertEquals(3, o.integer("a", 0, 0, 10));
        assertEquals(2, o.integer("b", 0, 0, 10), "2.0 is an integer");
        assertArrayEquals(new double[] {1, 2.5}, o.numbers("c", 0, 3));
        assertArrayEquals(new int[] {2, 2}, o.integers("b", 2, 1, 5));
        assertEquals(true, o.flag("d", false));
        assertEquals("x", o.choice("e", "y", "x", "y"));
        assertEquals(7, o.integer("f", 7, 0, 10));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> o.integer("c", 0, 0, 10));
        assertEquals("test: option 'c' must be an integer in [0, 10], got [1, 2.5] (a list)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> o.choice("e", null, "y", "z"));
        assertTrue(e.getMessage().contains("one of y, z"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Options.of(Map.of("zz", 1, "aa", 2), "dataset q", "k"));
        assertEquals("dataset q: unknown options aa, zz; known options: k", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Options.of(Map.of("x", 1), "dataset r"));
        assertEquals("dataset r: unknown option x; known options: (none)", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> o.integer("b", 0, 3, 10));
        assertThrows(IllegalArgumentException.class, () -> o.flag("a", false));
    }

    @Test
    void classIndicesOrderNumbersByValueAndNamesAlphabetically() {
        ClassIndex numbers = ClassIndex.of(List.of("1", "-1", "1.0", " 2", "01"));
        assertEquals(3, numbers.size());
        assertEquals(0, numbers.indexOf("-1"));
        assertEquals(1, numbers.indexOf("1.00"));
        assertEquals(2, numbers.indexOf("2"));
        ClassIndex names = ClassIndex.of(List.of("dog", "cat", "dog", "10"));
        assertEquals(List.of(0, 1, 2), List.of(names.indexOf("10"), names.indexOf("cat"), names.indexOf("dog")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> names.indexOf("cow"));
        assertTrue(e.getMessage().contains("'cow' is not one of the 3 classes"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> numbers.indexOf("one"));
    }

    @Test
    void cellsParseDecimalsAndPointAtBadOnes() throws IOException {
        assertEquals(-1.5e3f, TextCells.number(" -1.5e3 ", "f.csv", 1, 1));
        assertTrue(Float.isNaN(TextCells.number("NaN", "f.csv", 1, 1)));
        IOException e = assertThrows(IOException.class, () -> TextCells.number("1f", "f.csv", 3, 2));
        assertEquals("f.csv line 3, column 2: '1f' is not a number", e.getMessage());
        assertThrows(IOException.class, () -> TextCells.number("", "f.csv", 3, 2));
    }

    @Test
    void fileChecksNameThePathAndWhatWasExpected(@TempDir Path dir) throws IOException {
        NoSuchFileException e = assertThrows(NoSuchFileException.class,
                () -> DataFiles.directory(dir.resolve("nope"), "the CIFAR files"));
        assertTrue(e.getMessage().contains("nope: no such directory; expected the CIFAR files"), e.getMessage());
        Files.writeString(dir.resolve("b.txt"), "");
        assertEquals(dir.resolve("b.txt"), DataFiles.file(dir, "a text", "a.txt", "b.txt"));
        e = assertThrows(NoSuchFileException.class, () -> DataFiles.file(dir, "the labels", "x.gz", "x"));
        assertTrue(e.getMessage().contains("missing the labels: none of x.gz, x"), e.getMessage());
        assertThrows(IOException.class, () -> DataFiles.directory(dir.resolve("b.txt"), "a folder"));
        IllegalArgumentException a = assertThrows(IllegalArgumentException.class,
                () -> DataFiles.requireLocation(null, "dataset csv", "a folder with train.csv"));
        assertEquals("dataset csv needs a location: a folder with train.csv", a.getMessage());
    }

    @Test
    void inMemoryDataSetsCheckTheirSizesAndLabels() {
        ByteImages images = new ByteImages("b", Shape.of(1, 1, 2), 3, new byte[] {0, (byte) 255, 51, 0}, new int[] {2, 0});
        float[] x = new float[3];
        images.input(1, x, 1);
        assertArrayEquals(new float[] {0, 0.2f, 0}, x);
        assertEquals(2, images.label(0));
        assertThrows(IllegalArgumentException.class, () -> new ByteImages("b", Shape.of(3), 3, new byte[4], new int[2]));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new FloatExamples("f", Shape.of(1), 2, new float[1], new int[] {2}));
        assertEquals("f: example 0 has label 2, outside [0, 2)", e.getMessage());
        assertThrows(IndexOutOfBoundsException.class, () -> images.input(2, x, 0));
        FloatColumn column = new FloatColumn();
        for (int i = 0; i < 3000; i++) {
            column.add(i);
        }
        assertEquals(3000, column.toArray().length);
        assertEquals(2999f, column.toArray()[2999]);
    }
}
