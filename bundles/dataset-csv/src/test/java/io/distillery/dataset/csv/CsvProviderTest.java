package io.distillery.dataset.csv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.distillery.api.data.DataSplits;
import io.distillery.api.data.Dataset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/** Small CSV tables, with and without headers, and broken ones. */
class CsvProviderTest {
    private final CsvProvider provider = new CsvProvider();

    @TempDir
    Path dir;

    private Path tables(String train, String test) throws IOException {
        Files.writeString(dir.resolve("train.csv"), train);
        Files.writeString(dir.resolve("test.csv"), test);
        return dir;
    }

    private static float[] input(Dataset d, int i) {
        float[] x = new float[d.inputShape().size()];
        d.input(i, x, 0);
        return x;
    }

    @Test
    void detectsAHeaderAndMapsNamedLabelsConsistently() throws IOException {
        tables("sepal,petal,species\n5.1,1.4,setosa\n\n7.0,4.7,versicolor\n",
                "sepal,petal,species\n6.3,6.0,virginica\n4.9,1.5,\"setosa\"\n");
        DataSplits splits = provider.open(dir, Map.of("label", "species"));
        Dataset train = splits.train();
        assertEquals(2, train.size());
        assertEquals("[2]", train.inputShape().toString());
        assertEquals(3, train.classCount());
        assertArrayEquals(new float[] {7.0f, 4.7f}, input(train, 1));
        assertEquals(1, train.label(1), "versicolor is the second name alphabetically");
        assertEquals(2, splits.test().label(0), "virginica: seen only in the test file, still the same index");
        assertEquals(0, splits.test().label(1), "quotes are removed");
        assertEquals(dir.getFileName() + "/test", splits.test().name());
    }

    @Test
    void labelByIndexWithoutHeader() throws IOException {
        tables("1;0.5;2\n-1;0.25;4\n", "1;1;1\n");
        DataSplits splits = provider.open(dir, Map.of("label", 0, "delimiter", ";"));
        assertEquals(2, splits.train().classCount());
        assertEquals(1, splits.train().label(0));
        assertArrayEquals(new float[] {0.25f, 4}, input(splits.train(), 1));
        DataSplits last = provider.open(dir, Map.of("delimiter", ";", "header", false));
        assertEquals(3, last.train().classCount(), "labels 2, 4 and 1 of the last column");
        assertArrayEquals(new float[] {1, 0.5f}, input(last.train(), 0));
    }

    @Test
    void nonNumericCellNamesLineAndColumn() throws IOException {
        tables("a,b,y\n1,2,0\n3,oops,1\n", "a,b,y\n1,2,0\n");
        assertMessage(IOException.class, () -> provider.open(dir, null), "train.csv line 3, column 2: 'oops' is not a number");
    }

    @Test
    void raggedRows() throws IOException {
        tables("1,2,0\n3,4,1\n5,1\n", "1,2,0\n");
        assertMessage(IOException.class, () -> provider.open(dir, null), "train.csv line 3: 2 columns, but the first line has 3");
    }

    @Test
    void tablesWithDifferentColumns() throws IOException {
        tables("a,b,y\n1,2,0\n", "a,c,y\n1,2,0\n");
        assertMessage(IOException.class, () -> provider.open(dir, null), "test.csv: its columns [a, c, y] differ from those of");
        tables("1,2,0\n", "1,2,3,0\n");
        assertMessage(IOException.class, () -> provider.open(dir, null), "differ from those of");
    }

    @Test
    void unknownLabelColumnAndBadOptions() throws IOException {
        tables("a,b,y\n1,2,0\n", "a,b,y\n1,2,0\n");
        assertMessage(IOException.class, () -> provider.open(dir, Map.of("label", "class")),
                "train.csv: no column 'class' for the label; the columns are [a, b, y]");
        assertMessage(IOException.class, () -> provider.open(dir, Map.of("label", 3)), "label column 3 is outside the 3 columns");
        assertMessage(IllegalArgumentException.class, () -> provider.open(dir, Map.of("label", "y", "header", false)),
                "option 'label' must be a column index when 'header' is false");
        assertMessage(IllegalArgumentException.class, () -> provider.open(dir, Map.of("header", "yes")),
                "option 'header' must be true, false or auto");
        assertMessage(IllegalArgumentException.class, () -> provider.open(dir, Map.of("delimiter", "::")),
                "option 'delimiter' must be one character");
        assertMessage(IllegalArgumentException.class, () -> provider.open(dir, Map.of("lable", 0)),
                "dataset csv: unknown option lable; known options: delimiter, header, label, test_file, train_file");
    }

    @Test
    void missingFolderOrFile() throws IOException {
        assertMessage(IOException.class, () -> provider.open(dir.resolve("iris"), null),
                "iris: no such directory; expected a folder with a training and a test CSV file");
        Files.writeString(dir.resolve("train.csv"), "1,0\n");
        assertMessage(IOException.class, () -> provider.open(dir, null), "missing the test table: none of test.csv");
        assertMessage(IllegalArgumentException.class, () -> provider.open(null, null), "dataset csv needs a location");
    }

    private static <T extends Exception> void assertMessage(Class<T> type, Executable call, String part) {
        T e = assertThrows(type, call);
        assertTrue(e.getMessage().contains(part), e.getMessage());
    }
}
