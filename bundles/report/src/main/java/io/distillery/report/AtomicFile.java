package io.distillery.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file atomically: to a temporary file beside it, then renamed over it, so that a reader (a browser
 * refreshing the report) sees the old file or the new one, never half of one.
 */
final class AtomicFile {

    private AtomicFile() {}

    /**
     * @param target the file to write
     * @param text its new content, written as UTF-8
     * @throws IOException if it cannot be written; the temporary file is removed and the old file left as it was
     */
    static void write(Path target, String text) throws IOException {
        // A fixed name rather than a random one: a temporary file left by a killed writer is reused, not piled up.
        Path temporary = target.resolveSibling(target.getFileName() + ".tmp");
        try {
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
