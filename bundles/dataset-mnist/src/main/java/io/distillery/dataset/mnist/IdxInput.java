package io.distillery.dataset.mnist;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * One IDX file, on disk or embedded in the bundle: where it is, how many bytes it has, and whether it is
 * gzipped (its name ends in {@code .gz}).
 *
 * @param name the file's path or resource name, for messages
 * @param length the file's length in bytes, as stored (compressed if gzipped)
 * @param gzipped whether the bytes are gzip-compressed
 * @param source opens the stored bytes
 */
record IdxInput(String name, long length, boolean gzipped, Source source) {

    /** Opens a file's stored bytes. */
    @FunctionalInterface
    interface Source {
        /** @return the stored bytes, to close after reading @throws IOException if they cannot be opened */
        InputStream open() throws IOException;
    }

    /** @param file a file @return it as an input @throws IOException if its length cannot be read */
    static IdxInput of(Path file) throws IOException {
        return new IdxInput(file.toString(), Files.size(file), isGzip(file.toString()), () -> Files.newInputStream(file));
    }

    /** @param resource an embedded file @return it as an input @throws IOException if it cannot be opened */
    static IdxInput of(URL resource) throws IOException {
        URLConnection connection = resource.openConnection();
        return new IdxInput(resource.toString(), connection.getContentLengthLong(), isGzip(resource.getPath()),
                resource::openStream);
    }

    private static boolean isGzip(String name) {
        return name.endsWith(".gz");
    }

    /** @return the file's content, decompressed if it is gzipped @throws IOException if it cannot be opened */
    InputStream openContent() throws IOException {
        InputStream stored = new BufferedInputStream(source.open(), 1 << 16);
        try {
            return gzipped ? new GZIPInputStream(stored, 1 << 16) : stored;
        } catch (IOException e) {
            stored.close();
            throw new IOException(name + ": not a gzip file (" + e.getMessage() + ")", e);
        }
    }
}
