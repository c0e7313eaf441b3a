package io.distillery.dataset.imagefolder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import io.distillery.data.support.DataFiles;

/**
 * Lists the images of a folder that holds one sub-folder per class: the class of an image is the name of the
 * folder it is in, never guessed from anything else. Hidden entries (names starting with a dot) and files
 * without a PNG or JPEG extension are ignored; folders and files are taken in name order, so the listing is the
 * same on every machine.
 */
final class ClassFolders {

    private ClassFolders() {}

    /** An image file and the class its folder names. @param file the file @param label the class index */
    record Image(Path file, int label) {}

    /**
     * @param dir the folder of class folders
     * @return the class names, sorted
     * @throws IOException if the folder is missing or holds no class folders
     */
    static List<String> classes(Path dir) throws IOException {
        DataFiles.directory(dir, "one sub-folder of images per class");
        List<String> names = new ArrayList<>();
        for (Path p : sorted(dir)) {
            if (Files.isDirectory(p)) {
                names.add(p.getFileName().toString());
            }
        }
        if (names.isEmpty()) {
            throw new IOException(dir + ": no class folders; expected one sub-folder of images per class");
        }
        return names;
    }

    /**
     * @param dir a folder of class folders
     * @param classes the classes, whose index is the label; every class folder in {@code dir} must be one
     * @return its images with their labels
     * @throws IOException if a class folder is not among the classes or holds no images
     */
    static List<Image> images(Path dir, List<String> classes) throws IOException {
        List<Image> images = new ArrayList<>();
        for (String name : classes(dir)) {
            int label = classes.indexOf(name);
            if (label < 0) {
                throw new IOException(dir.resolve(name) + ": a class folder the training folder does not have; its classes are "
                        + classes);
            }
            int before = images.size();
            for (Path file : sorted(dir.resolve(name))) {
                if (Files.isRegularFile(file) && isImage(file)) {
                    images.add(new Image(file, label));
                }
            }
            if (images.size() == before) {
                throw new IOException(dir.resolve(name) + ": no PNG or JPEG images in this class folder");
            }
        }
        return images;
    }

    private static boolean isImage(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".png") || name.endsWith(".jpg") || name.endsWith(".jpeg");
    }

    private static List<Path> sorted(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        }
    }
}
