package io.distillery.dataset.ucr;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code @} lines that open a {@code .ts} file of the UEA archive (the sktime format): problem name,
 * whether series carry time stamps, dimensions, equal length, series length, class labels. Tags are read case
 * insensitively, as sktime does.
 */
final class TsHeader {
    private final String file;
    private final Map<String, String> tags = new HashMap<>();

    /** @param file the file, for messages */
    TsHeader(String file) {
        this.file = file;
    }

    /**
     * @param line a header line, starting with {@code @}
     * @param lineNo its 1-based number
     * @throws IOException if a tag is repeated
     */
    void add(String line, int lineNo) throws IOException {
        String[] parts = line.strip().split("\\s+", 2);
        String tag = parts[0].substring(1).toLowerCase(Locale.ROOT);
        if (tags.put(tag, parts.length > 1 ? parts[1].strip() : "") != null) {
            throw new IOException(file + " line " + lineNo + ": @" + tag + " appears twice");
        }
    }

    /**
     * Checks what this reader supports: labelled series without time stamps.
     *
     * @throws IOException naming the tag that asks for something else
     */
    void check() throws IOException {
        if (flag("timestamps", false)) {
            throw new IOException(file + ": series with time stamps (@timeStamps true) are not supported");
        }
        if (!flag("classlabel", false)) {
            throw new IOException(file + ": no class labels (@classLabel true followed by the labels is required)");
        }
    }

    /** @return the class labels the header declares, in order */
    List<String> classes() {
        String[] parts = tags.get("classlabel").split("\\s+");
        List<String> classes = new ArrayList<>();
        for (int i = 1; i < parts.length; i++) {
            classes.add(parts[i]);
        }
        return classes;
    }

    /** @return whether every series has the same length ({@code @equalLength}; absent means no) */
    boolean equalLength() throws IOException {
        return flag("equallength", false);
    }

    /** @return the declared series length, or -1 if none @throws IOException if it is not a positive integer */
    int seriesLength() throws IOException {
        return positive("serieslength");
    }

    /** @return the declared dimensions, or -1 if none @throws IOException if it is not a positive integer */
    int dimensions() throws IOException {
        return positive("dimensions");
    }

    private int positive(String tag) throws IOException {
        String v = tags.get(tag);
        if (v == null) {
            return -1;
        }
        try {
            int n = Integer.parseInt(v);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IOException(file + ": @" + tag + " must be a positive integer, got '" + v + "'");
    }

    private boolean flag(String tag, boolean fallback) throws IOException {
        String v = tags.get(tag);
        if (v == null) {
            return fallback;
        }
        String first = v.split("\\s+")[0].toLowerCase(Locale.ROOT);
        if (!first.equals("true") && !first.equals("false")) {
            throw new IOException(file + ": @" + tag + " must be true or false, got '" + v + "'");
        }
        return first.equals("true");
    }
}
