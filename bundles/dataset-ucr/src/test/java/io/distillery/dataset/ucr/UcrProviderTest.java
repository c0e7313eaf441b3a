package io.distillery.dataset.ucr;

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

/** Small problems in the UCR TSV and UEA {@code .ts} formats, and broken ones. */
class UcrProviderTest {
    private final UcrProvider provider = new UcrProvider();

    @TempDir
    Path root;

    private Path problem(String name, String trainFile, String train, String testFile, String test) throws IOException {
        Path dir = Files.createDirectories(root.resolve(name));
        Files.writeString(dir.resolve(trainFile), train);
        Files.writeString(dir.resolve(testFile), test);
        return dir;
    }

    private Path tsv(String train, String test) throws IOException {
        return problem("Coffee", "Coffee_TRAIN.tsv", train, "Coffee_TEST.tsv", test);
    }

    private static float[] input(Dataset d, int i) {
        float[] x = new float[d.inputShape().size()];
        d.input(i, x, 0);
        return x;
    }

    @Test
    void readsTsvMapsLabelsConsistentlyAndPadsToOneLength() throws IOException {
        Path dir = tsv("2\t1\t2\t3\t4\n-1\t4\tNaN\t2\t1\n", "1.0\t1\t1\t1\t1\t5\t6\n2\t0\t0\t0\t0\tNaN\tNaN\n");
        DataSplits splits = provider.open(dir, null);
        Dataset train = splits.train();
        assertEquals("Coffee/train", train.name());
        assertEquals("[1, 6]", train.inputShape().toString());
        assertEquals(3, train.classCount());
        assertEquals(2, train.label(0), "label 2 is the largest of -1, 1, 2");
        assertEquals(0, train.label(1));
        assertEquals(1, splits.test().label(0), "1.0 in the test file is class 1, as 1 would be");
        assertArrayEquals(new float[] {1, 2, 3, 4, 0, 0}, input(train, 0), "padding becomes 0");
        assertArrayEquals(new float[] {4, 0, 2, 1, 0, 0}, input(train, 1), "a missing value becomes 0");
        assertArrayEquals(new float[] {1, 1, 1, 1, 5, 6}, input(splits.test(), 0));
        float[] kept = input(provider.open(dir, Map.of("missing", "nan")).train(), 1);
        assertTrue(Float.isNaN(kept[1]) && Float.isNaN(kept[5]));
    }

    @Test
    void zNormalisesEachSeries() throws IOException {
        Path dir = tsv("1\t1\t2\t3\t4\t5\n2\t7\t7\t7\t7\tNaN\n", "1\t10\t20\t30\t40\t50\n");
        DataSplits splits = provider.open(dir, Map.of("z_normalize", true));
        float[] x = input(splits.train(), 0);
        double mean = 0;
        double squares = 0;
        for (float v : x) {
            mean += v / 5.0;
            squares += v * v / 5.0;
        }
        assertEquals(0, mean, 1e-6);
        assertEquals(1, squares, 1e-5);
        assertArrayEquals(x, input(splits.test(), 0), 1e-6f, "scale does not matter after normalisation");
        assertArrayEquals(new float[5], input(splits.train(), 1), "a constant series becomes 0, the missing value too");
    }

    @Test
    void tsvRowsOfInconsistentLength() throws IOException {
        Path dir = tsv("1\t1\t2\t3\n1\t1\t2\n", "1\t1\t2\t3\n");
        assertMessage(IOException.class, () -> provider.open(dir, null),
                "Coffee_TRAIN.tsv line 2: a series of 2 values, but line 1 has 3");
    }

    @Test
    void tsvNonNumericValue() throws IOException {
        Path dir = tsv("1\t1\t2\t3\n", "1\t1\tx2\t3\n");
        assertMessage(IOException.class, () -> provider.open(dir, null), "Coffee_TEST.tsv line 1, column 3: 'x2' is not a number");
    }

    private static final String TS_HEADER = "# a comment\n@problemName Motion\n@timeStamps false\n@missing true\n"
            + "@univariate false\n@dimensions 2\n@equalLength true\n@seriesLength 3\n@classLabel true walk run\n@data\n";

    @Test
    void readsMultivariateTs() throws IOException {
        Path dir = problem("Motion", "Motion_TRAIN.ts", TS_HEADER + "1,2,3:4,5,6:run\n1,?,3:0,0,0:walk\n",
                "Motion_TEST.ts", TS_HEADER + "7,8,9:1,1,1:walk\n");
        DataSplits splits = provider.open(dir, Map.of("format", "ts"));
        Dataset train = splits.train();
        assertEquals("[2, 3]", train.inputShape().toString());
        assertEquals(2, train.classCount());
        assertEquals(0, train.label(0), "run sorts before walk");
        assertEquals(1, splits.test().label(0));
        assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6}, input(train, 0));
        assertArrayEquals(new float[] {1, 0, 3, 0, 0, 0}, input(train, 1));
        assertEquals(2, provider.open(dir, null).train().size(), "found without the format option");
    }

    @Test
    void tsOfUnequalLengthsIsPaddedOnlyWhenTheHeaderAllowsIt() throws IOException {
        String variable = TS_HEADER.replace("@equalLength true\n@seriesLength 3\n", "@equalLength false\n");
        Path dir = problem("Motion", "Motion_TRAIN.ts", variable + "1,2:4,5,6,7:run\n", "Motion_TEST.ts",
                variable + "1:2:walk\n");
        DataSplits splits = provider.open(dir, null);
        assertEquals("[2, 4]", splits.train().inputShape().toString());
        assertArrayEquals(new float[] {1, 2, 0, 0, 4, 5, 6, 7}, input(splits.train(), 0));
        Path strict = problem("Strict", "Strict_TRAIN.ts", TS_HEADER + "1,2,3:4,5:run\n", "Strict_TEST.ts", TS_HEADER);
        assertMessage(IOException.class, () -> provider.open(strict, null),
                "Strict_TRAIN.ts line 11: dimension 2 has 2 values, but the header declares @equalLength true");
    }

    @Test
    void tsRowsThatBreakTheHeader() throws IOException {
        Path dims = problem("A", "A_TRAIN.ts", TS_HEADER + "1,2,3:run\n", "A_TEST.ts", TS_HEADER + "1,2,3:1,2,3:run\n");
        assertMessage(IOException.class, () -> provider.open(dims, null), "A_TRAIN.ts line 11: 1 dimensions and a label, expected 2");
        Path label = problem("B", "B_TRAIN.ts", TS_HEADER + "1,2,3:1,2,3:jump\n", "B_TEST.ts", TS_HEADER);
        assertMessage(IOException.class, () -> provider.open(label, null), "label 'jump' is not declared in @classLabel [walk, run]");
        String stamped = TS_HEADER.replace("@timeStamps false", "@timeStamps true");
        Path stamps = problem("C", "C_TRAIN.ts", stamped + "(0,1):run\n", "C_TEST.ts", stamped);
        assertMessage(IOException.class, () -> provider.open(stamps, null), "C_TRAIN.ts: series with time stamps");
        Path empty = problem("D", "D_TRAIN.ts", TS_HEADER, "D_TEST.ts", TS_HEADER);
        assertMessage(IOException.class, () -> provider.open(empty, null), "D_TRAIN.ts: no series after @data");
    }

    @Test
    void missingLocationFolderOrFileAndBadOptions() throws IOException {
        assertMessage(IllegalArgumentException.class, () -> provider.open(null, null), "dataset ucr needs a location");
        assertMessage(IOException.class, () -> provider.open(root.resolve("Nope"), null), "Nope: no such directory");
        Path dir = Files.createDirectories(root.resolve("Beef"));
        Files.writeString(dir.resolve("Beef_TRAIN.tsv"), "1\t1\n");
        assertMessage(IOException.class, () -> provider.open(dir, null),
                "missing the test series of problem 'Beef': none of Beef_TEST.tsv");
        assertMessage(IllegalArgumentException.class, () -> provider.open(dir, Map.of("znormalize", true)),
                "unknown option znormalize; known options: format, missing, name, z_normalize");
        assertMessage(IllegalArgumentException.class, () -> provider.open(dir, Map.of("format", "csv")),
                "option 'format' must be one of auto, tsv, ts");
    }

    private static <T extends Exception> void assertMessage(Class<T> type, Executable call, String part) {
        T e = assertThrows(type, call);
        assertTrue(e.getMessage().contains(part), e.getMessage());
    }
}
