package io.distillery.runner.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/** Writes files so that readers see the old content or the new, never a mix: temporary file, sync, rename. */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /** What writes the content through a channel. */
    @FunctionalInterface
    public interface Content {
        /** @param channel the temporary file @throws IOException on failure */
        void writeTo(FileChannel channel) throws IOException;
    }

    /**
     * @param file the destination
     * @param content what to write
     * @throws IOException if writing fails; the destination is then unchanged
     */
    public static void write(Path file, Content content) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                content.writeTo(channel);
                channel.force(true);
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * @param file the destination
     * @param text the text, written as UTF-8
     * @throws IOException if writing fails
     */
    public static void write(Path file, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        write(file, channel -> writeFully(channel, ByteBuffer.wrap(bytes)));
    }

    /**
     * @param channel a channel
     * @param buffer bytes to write, all of them
     * @throws IOException if writing fails
     */
    public static void writeFully(FileChannel channel, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }
}
