package io.distillery.dataset.ucr;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.distillery.data.support.FloatColumn;
import io.distillery.data.support.TextCells;

/**
 * Reads a file of the UCR archive (2018): one univariate series per line, its label first, values separated by
 * tabs (or commas, as in the 2015 archive), {@code NaN} for missing values. The archive pads the shorter series
 * of variable-length data sets with {@code NaN}, so every line of a file has the same number of fields; a line
 * that differs means a damaged file and is an error.
 */
final class TsvReader {

    private TsvReader() {}

    /**
     * @param file the file
     * @return its series
     * @throws IOException naming the file and line of a non-numeric value or a line of the wrong length
     */
    static RawSeries read(Path file) throws IOException {
        String name = file.toString();
        List<String> labels = new ArrayList<>();
        FloatColumn values = new FloatColumn();
        int length = -1;
        int firstLine = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int lineNo = 0;
            for (String line; (line = in.readLine()) != null; ) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                String[] fields = line.strip().split("[\t,]");
                if (length < 0) {
                    length = fields.length - 1;
                    firstLine = lineNo;
                } else if (fields.length - 1 != length) {
                    throw new IOException(TextCells.at(name, lineNo, 0) + "a series of " + (fields.length - 1)
                            + " values, but line " + firstLine + " has " + length
                            + " (the archive pads shorter series with NaN, so every line has the same length)");
                }
                labels.add(fields[0].strip());
                for (int k = 1; k < fields.length; k++) {
                    values.add(TextCells.number(fields[k], name, lineNo, k + 1));
                }
            }
        }
        if (length < 1) {
            throw new IOException(name + ": no series: expected lines of a label and tab-separated values");
        }
        return new RawSeries(name, labels, values.toArray(), 1, length, List.of());
    }
}
