package io.distillery.data.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/**
 * Checks that the files a data set needs are where the config says, with errors that name the path and what
 * was expected there, before anything is read.
 */
public final class DataFiles {

    private DataFiles() {}

    /**
     * @param location the location from the config, or {@code null}
     * @param owner the data set format, e.g. {@code dataset ucr}
     * @param expected what the location should hold
     * @return the location
     * @throws IllegalArgumentException if it is {@code null}: the format has no embedded default
     */
    public static Path requireLocation(Path location, String owner, String expected) {
        if (location == null) {
            throw new IllegalArgumentException(owner + " needs a location: " + expected);
        }
        return location;
    }

    /**
     * @param dir a directory
     * @param expected what it should hold, for the message
     * @return the directory
     * @throws NoSuchFileException if it does not exist
     * @throws NotDirectoryException if it is not a directory
     */
    public static Path directory(Path dir, String expected) throws IOException {
        if (!Files.exists(dir)) {
            throw new NoSuchFileException(dir.toString(), null, "no such directory; expected " + expected);
        }
        if (!Files.isDirectory(dir)) {
            throw new NotDirectoryException(dir + ": not a directory; expected " + expected);
        }
        return dir;
    }

    /**
     * @param dir a directory
     * @param expected what the file is, for the message
     * @param names the names the file may have, in order of preference
     * @return the first of them that is a regular file in the directory
     * @throws NoSuchFileException naming the directory and every name tried
     */
    public static Path file(Path dir, String expected, String... names) throws IOException {
        directory(dir, expected);
        for (String name : names) {
            Path file = dir.resolve(name);
            if (Files.isRegularFile(file)) {
                return file;
            }
        }
        throw new NoSuchFileException(dir.toString(), null, "missing " + expected + ": none of "
                + String.join(", ", names));
    }
}
