package io.distillery.dataset.mnist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import io.distillery.api.data.DataSplits;
import io.distillery.api.data.Dataset;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real MNIST shipped in the bundle: its checksums, counts and a few known examples. */
class EmbeddedMnistTest {
    private static DataSplits mnist;

    @BeforeAll
    static void open() throws IOException {
        mnist = new MnistProvider().open(null, null);
    }

    @Test
    void shippedFilesMatchTheirChecksums() throws IOException, NoSuchAlgorithmException {
        String sums;
        try (InputStream in = resource("SHA256SUMS")) {
            sums = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
        int checked = 0;
        for (String line : sums.strip().split("\n")) {
            String[] parts = line.strip().split("\\s+");
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            try (InputStream in = new DigestInputStream(resource(parts[1]), sha)) {
                in.transferTo(OutputStream.nullOutputStream());
            }
            assertEquals(parts[0], HexFormat.of().formatHex(sha.digest()), parts[1]);
            checked++;
        }
        assertEquals(4, checked);
    }

    private static InputStream resource(String name) {
        return EmbeddedMnistTest.class.getResourceAsStream("/io/distillery/dataset/mnist/" + name);
    }

    @Test
    void countsShapesAndKnownLabels() {
        Dataset train = mnist.train();
        Dataset test = mnist.test();
        assertEquals(60_000, train.size());
        assertEquals(10_000, test.size());
        assertEquals("mnist/train", train.name());
        assertEquals(10, train.classCount());
        assertEquals("[1, 28, 28]", train.inputShape().toString());
        // The first training digits are 5 0 4 1 9, the first test digits 7 2 1 0 4.
        int[] firstTrain = {5, 0, 4, 1, 9};
        int[] firstTest = {7, 2, 1, 0, 4};
        for (int i = 0; i < 5; i++) {
            assertEquals(firstTrain[i], train.label(i), "training label " + i);
            assertEquals(firstTest[i], test.label(i), "test label " + i);
        }
    }

    @Test
    void pixelsAreScaledToTheUnitInterval() {
        float[] x = new float[784];
        mnist.train().input(0, x, 0);
        float max = 0;
        int ink = 0;
        for (float v : x) {
            assertTrue(v >= 0 && v <= 1, "pixel " + v);
            max = Math.max(max, v);
            ink += v > 0 ? 1 : 0;
        }
        assertEquals(1f, max, "the darkest pixel of the first digit is 255");
        assertTrue(ink > 100 && ink < 300, ink + " inked pixels");
        assertEquals(0f, x[0], "the corner is blank");
    }
}
