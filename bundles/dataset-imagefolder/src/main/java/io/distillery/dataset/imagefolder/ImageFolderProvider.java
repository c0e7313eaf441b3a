package io.distillery.dataset.imagefolder;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.distillery.api.data.DataSplits;
import io.distillery.api.data.Dataset;
import io.distillery.api.data.DatasetProvider;
import io.distillery.api.tensor.Shape;
import io.distillery.data.support.ByteImages;
import io.distillery.data.support.DataFiles;
import io.distillery.data.support.Options;

import org.osgi.service.component.annotations.Component;

/**
 * The {@code imagefolder} data set format: {@code LOCATION/train/CLASS/*.png} and {@code LOCATION/test/CLASS/*.jpg},
 * the classes being the training folder's sub-folders in name order. Images are decoded with ImageIO, resized to
 * {@code size} and held as bytes, {@code [channels, height, width]}.
 *
 * <p>Options: {@code size} (required: a number or {@code [height, width]}), {@code channels} (3, or 1 for grey),
 * {@code train_dir} and {@code test_dir} (default {@code train}, {@code test}), {@code skip_undecodable}: by
 * default a file that cannot be decoded fails the whole data set; when true it is left out with a warning
 * naming it. Either way no image is ever given another folder's label.
 */
@Component(property = {DatasetProvider.NAME + "=imagefolder", DatasetProvider.DESCRIPTION
        + "=PNG/JPEG images in one sub-folder per class (train/CLASS, test/CLASS), resized to one size"})
public final class ImageFolderProvider implements DatasetProvider {
    private static final System.Logger LOG = System.getLogger(ImageFolderProvider.class.getName());

    @Override
    public DataSplits open(Path location, Map<String, Object> options) throws IOException {
        Options o = Options.of(options, "dataset imagefolder", "size", "channels", "train_dir", "test_dir",
                "skip_undecodable");
        int[] size = o.integers("size", 2, 1, 4096);
        int channels = o.integer("channels", 3, 1, 3);
        if (channels == 2) {
            throw o.invalid("channels", 2, "1 (grey) or 3 (colour)");
        }
        boolean skip = o.flag("skip_undecodable", false);
        Path dir = DataFiles.directory(DataFiles.requireLocation(location, "dataset imagefolder",
                "a folder with train/ and test/ class folders"), "a folder with train/ and test/ class folders");
        String name = dir.getFileName() == null ? "imagefolder" : dir.getFileName().toString();
        Path trainDir = dir.resolve(o.string("train_dir", "train"));
        List<String> classes = ClassFolders.classes(trainDir);
        ImageDecoder decoder = new ImageDecoder(size[0], size[1], channels);
        return new DataSplits(part(name + "/train", trainDir, classes, decoder, skip),
                part(name + "/test", dir.resolve(o.string("test_dir", "test")), classes, decoder, skip));
    }

    private static Dataset part(String name, Path dir, List<String> classes, ImageDecoder decoder, boolean skip)
            throws IOException {
        List<ClassFolders.Image> images = ClassFolders.images(dir, classes);
        if ((long) images.size() * decoder.bytes() > Integer.MAX_VALUE - 8) {
            throw new IOException(dir + ": " + images.size() + " images of " + decoder.bytes()
                    + " bytes each are more than one array holds; choose a smaller size");
        }
        byte[] pixels = new byte[images.size() * decoder.bytes()];
        int[] labels = new int[images.size()];
        int kept = 0;
        for (ClassFolders.Image image : images) {
            try {
                decoder.decode(image.file(), pixels, kept * decoder.bytes());
                labels[kept++] = image.label();
            } catch (IOException e) {
                if (!skip) {
                    throw new IOException(e.getMessage() + "; set skip_undecodable: true to leave such files out", e);
                }
                LOG.log(Level.WARNING, "dataset imagefolder: skipped {0}", e.getMessage());
            }
        }
        if (kept == 0) {
            throw new IOException(dir + ": none of its " + images.size() + " images could be decoded");
        }
        if (kept < images.size()) {
            pixels = Arrays.copyOf(pixels, kept * decoder.bytes());
            labels = Arrays.copyOf(labels, kept);
        }
        return new ByteImages(name, Shape.of(decoder.channels(), decoder.height(), decoder.width()), classes.size(),
                pixels, labels);
    }
}
