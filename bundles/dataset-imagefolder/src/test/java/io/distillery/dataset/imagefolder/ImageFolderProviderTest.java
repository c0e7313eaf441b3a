package io.distillery.dataset.imagefolder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import javax.imageio.ImageIO;

import io.distillery.api.data.DataSplits;
import io.distillery.api.data.Dataset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/** Class folders of real PNG and JPEG files, and folders with problems. */
class ImageFolderProviderTest {
    private static final Map<String, Object> SIZE_4 = Map.of("size", 4);
    private final ImageFolderProvider provider = new ImageFolderProvider();

    @TempDir
    Path root;

    /** Writes a solid 8×8 image of the colour in the given format ("png" or "jpg"). */
    private Path image(String part, String label, String file, Color colour) throws IOException {
        Path dir = Files.createDirectories(root.resolve(part).resolve(label));
        BufferedImage img = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(colour);
        g.fillRect(0, 0, 8, 8);
        g.dispose();
        Path out = dir.resolve(file);
        ImageIO.write(img, file.substring(file.lastIndexOf('.') + 1), out.toFile());
        return out;
    }

    private void smallFolders() throws IOException {
        image("train", "red", "a.png", Color.RED);
        image("train", "red", "b.jpg", Color.RED);
        image("train", "blue", "c.png", Color.BLUE);
        image("test", "blue", "d.png", Color.BLUE);
        Files.writeString(root.resolve("train/red/notes.txt"), "not an image, ignored");
    }

    private static float[] input(Dataset d, int i) {
        float[] x = new float[d.inputShape().size()];
        d.input(i, x, 0);
        return x;
    }

    @Test
    void readsClassFoldersAndResizes() throws IOException {
        smallFolders();
        DataSplits splits = provider.open(root, SIZE_4);
        Dataset train = splits.train();
        assertEquals(3, train.size());
        assertEquals(2, train.classCount());
        assertEquals("[3, 4, 4]", train.inputShape().toString());
        assertEquals(0, train.label(0), "blue sorts before red");
        assertEquals(1, train.label(1));
        assertEquals(1, train.label(2));
        float[] blue = input(train, 0);
        assertEquals(0f, blue[0]);
        assertEquals(1f, blue[32 + 15], "the blue plane");
        float[] jpegRed = input(train, 2);
        assertTrue(jpegRed[5] > 0.9f && jpegRed[16 + 5] < 0.1f, "a JPEG is decoded too, within its loss");
        assertEquals(1, splits.test().size());
        assertEquals(0, splits.test().label(0));
    }

    @Test
    void greyAndRectangularSizes() throws IOException {
        smallFolders();
        Dataset grey = provider.open(root, Map.of("size", List.of(2, 3), "channels", 1)).train();
        assertEquals("[1, 2, 3]", grey.inputShape().toString());
        assertEquals(Math.round(0.114 * 255) / 255f, input(grey, 0)[0], 1e-6f);
    }

    @Test
    void anUndecodableImageFailsOrIsSkippedWithAWarning() throws IOException {
        smallFolders();
        Path broken = root.resolve("train/blue/broken.png");
        Files.write(broken, new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3});
        IOException e = assertThrows(IOException.class, () -> provider.open(root, SIZE_4));
        assertTrue(e.getMessage().contains(broken + ": cannot be decoded as an image"), e.getMessage());
        assertTrue(e.getMessage().contains("skip_undecodable: true"), e.getMessage());

        List<String> warnings = new ArrayList<>();
        Logger logger = Logger.getLogger(ImageFolderProvider.class.getName());
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                warnings.add(MessageFormat.format(record.getMessage(), record.getParameters()));
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        logger.addHandler(handler);
        try {
            Dataset train = provider.open(root, Map.of("size", 4, "skip_undecodable", true)).train();
            assertEquals(3, train.size(), "the broken file is left out");
            assertEquals(List.of(0, 1, 1), List.of(train.label(0), train.label(1), train.label(2)),
                    "the remaining images keep their own labels");
            assertEquals(1f, input(train, 0)[32], "blue/c.png, not a shifted neighbour");
        } finally {
            logger.removeHandler(handler);
        }
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).contains("skipped " + broken), warnings.get(0));
    }

    @Test
    void foldersThatDoNotFit() throws IOException {
        assertMessage(IOException.class, () -> provider.open(root.resolve("photos"), SIZE_4), "photos: no such directory");
        smallFolders();
        image("test", "green", "e.png", Color.GREEN);
        assertMessage(IOException.class, () -> provider.open(root, SIZE_4),
                "green: a class folder the training folder does not have; its classes are [blue, red]");
        Files.createDirectories(root.resolve("train/green"));
        assertMessage(IOException.class, () -> provider.open(root, SIZE_4), "no PNG or JPEG images in this class folder");
        assertMessage(IOException.class, () -> provider.open(root, Map.of("size", 4, "train_dir", "missing")),
                "missing: no such directory; expected one sub-folder of images per class");
    }

    @Test
    void badOptions() throws IOException {
        smallFolders();
        assertMessage(IllegalArgumentException.class, () -> provider.open(root, Map.of()), "option 'size' is required");
        assertMessage(IllegalArgumentException.class, () -> provider.open(root, Map.of("size", 4, "channels", 2)),
                "option 'channels' must be 1 (grey) or 3 (colour)");
        assertMessage(IllegalArgumentException.class, () -> provider.open(root, Map.of("size", List.of(1, 2, 3))),
                "option 'size' must be 2 integers");
        assertMessage(IllegalArgumentException.class, () -> provider.open(null, SIZE_4), "dataset imagefolder needs a location");
    }

    private static <T extends Exception> void assertMessage(Class<T> type, Executable call, String part) {
        T e = assertThrows(type, call);
        assertTrue(e.getMessage().contains(part), e.getMessage());
    }
}
