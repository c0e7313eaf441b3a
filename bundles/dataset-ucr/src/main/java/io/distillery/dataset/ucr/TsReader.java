package io.distillery.dataset.ucr;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.distillery.data.support.TextCells;

/**
 * Reads a {@code .ts} file of the UEA multivariate archive: a {@link TsHeader}, then after {@code @data} one
 * series per line, its dimensions separated by {@code :}, values by {@code ,}, {@code ?} for a missing value, and
 * the class label last. Under {@code @equalLength true} every dimension must have the same length (the
 * {@code @seriesLength}, if given); otherwise shorter ones are padded with {@code NaN}.
 */
final class TsReader {

    private TsReader() {}

    /**
     * @param file the file
     * @return its series
     * @throws IOException naming the file and line of whatever does not follow the format or the header
     */
    static RawSeries read(Path file) throws IOException {
        String name = file.toString();
        TsHeader header = new TsHeader(name);
        List<String> labels = new ArrayList<>();
        List<float[][]> rows = new ArrayList<>();
        boolean data = false;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int lineNo = 0;
            for (String line; (line = in.readLine()) != null; ) {
                lineNo++;
                String s = line.strip();
                if (s.isEmpty() || s.startsWith("#")) {
                    continue;
                }
                if (!data && s.regionMatches(true, 0, "@data", 0, 5)) {
                    header.check();
                    data = true;
                } else if (!data && s.startsWith("@")) {
                    header.add(s, lineNo);
                } else if (!data) {
                    throw new IOException(TextCells.at(name, lineNo, 0) + "expected a header tag or @data before the series");
                } else {
                    rows.add(row(s, name, lineNo, header, labels, rows.isEmpty() ? null : rows.get(0)));
                }
            }
        }
        if (rows.isEmpty()) {
            throw new IOException(name + ": no series" + (data ? " after @data" : ": no @data line"));
        }
        return assemble(name, labels, rows, header.classes());
    }

    private static float[][] row(String s, String file, int lineNo, TsHeader header, List<String> labels, float[][] first)
            throws IOException {
        String[] parts = s.split(":");
        int expected = header.dimensions() > 0 ? header.dimensions() : first == null ? -1 : first.length;
        if (parts.length < 2 || expected > 0 && parts.length - 1 != expected) {
            throw new IOException(TextCells.at(file, lineNo, 0) + (parts.length - 1) + " dimensions and a label, expected "
                    + (expected > 0 ? expected : "at least 1") + " dimensions separated by ':' and the label last");
        }
        String label = parts[parts.length - 1].strip();
        if (!header.classes().contains(label)) {
            throw new IOException(TextCells.at(file, lineNo, 0) + "label '" + label + "' is not declared in @classLabel "
                    + header.classes());
        }
        labels.add(label);
        float[][] row = new float[parts.length - 1][];
        for (int d = 0; d < row.length; d++) {
            String[] cells = parts[d].split(",");
            row[d] = new float[cells.length];
            for (int k = 0; k < cells.length; k++) {
                row[d][k] = cells[k].strip().equals("?") ? Float.NaN : TextCells.number(cells[k], file, lineNo, k + 1);
            }
        }
        if (header.equalLength()) {
            checkEqualLength(file, lineNo, row, header.seriesLength() > 0 ? header.seriesLength()
                    : first == null ? row[0].length : first[0].length);
        }
        return row;
    }

    private static void checkEqualLength(String file, int lineNo, float[][] row, int length) throws IOException {
        for (int d = 0; d < row.length; d++) {
            if (row[d].length != length) {
                throw new IOException(TextCells.at(file, lineNo, 0) + "dimension " + (d + 1) + " has " + row[d].length
                        + " values, but the header declares @equalLength true and the series have " + length);
            }
        }
    }

    private static RawSeries assemble(String file, List<String> labels, List<float[][]> rows, List<String> classes) {
        int dims = rows.get(0).length;
        int length = 0;
        for (float[][] row : rows) {
            for (float[] dim : row) {
                length = Math.max(length, dim.length);
            }
        }
        float[] values = new float[rows.size() * dims * length];
        Arrays.fill(values, Float.NaN);
        for (int r = 0; r < rows.size(); r++) {
            for (int d = 0; d < dims; d++) {
                System.arraycopy(rows.get(r)[d], 0, values, (r * dims + d) * length, rows.get(r)[d].length);
            }
        }
        return new RawSeries(file, labels, values, dims, length, classes);
    }
}
