package io.distillery.dataset.csv;

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
 * Reads a numeric CSV file: every cell but the label's is a number. Cells may be wrapped in double quotes,
 * which are removed; a quoted cell holding the delimiter is not supported (numeric tables do not need one).
 * Blank lines are skipped.
 *
 * <p>When the layout does not say whether there is a header, the first line is one if any of its cells outside
 * the label column is not a number.
 */
final class CsvReader {

    private CsvReader() {}

    /**
     * @param file the file
     * @param layout delimiter, header and label column
     * @return its rows
     * @throws IOException naming the file, line and column of a non-numeric cell or a row of the wrong length
     */
    static CsvTable read(Path file, CsvLayout layout) throws IOException {
        String name = file.toString();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int lineNo = 0;
            String line;
            do {
                line = in.readLine();
                lineNo++;
            } while (line != null && line.isBlank());
            if (line == null) {
                throw new IOException(name + ": empty; expected rows of numbers with a label column");
            }
            List<String> first = cells(line, layout.delimiter());
            int columns = first.size();
            int label = labelColumn(layout, first, name);
            boolean header = layout.header() != null ? layout.header() : !numeric(first, label);
            List<String> labels = new ArrayList<>();
            FloatColumn features = new FloatColumn();
            if (!header) {
                row(first, name, lineNo, label, columns, labels, features);
            }
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (!line.isBlank()) {
                    row(cells(line, layout.delimiter()), name, lineNo, label, columns, labels, features);
                }
            }
            if (labels.isEmpty()) {
                throw new IOException(name + ": a header but no rows");
            }
            return new CsvTable(name, header ? first : null, features.toArray(), columns - 1, labels);
        }
    }

    private static int labelColumn(CsvLayout layout, List<String> first, String file) throws IOException {
        try {
            return layout.labelColumn(first.size(), first, file);
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private static void row(List<String> cells, String file, int lineNo, int label, int columns, List<String> labels,
            FloatColumn features) throws IOException {
        if (cells.size() != columns) {
            throw new IOException(TextCells.at(file, lineNo, 0) + cells.size() + " columns, but the first line has "
                    + columns);
        }
        for (int c = 0; c < columns; c++) {
            if (c == label) {
                labels.add(cells.get(c));
            } else {
                features.add(TextCells.number(cells.get(c), file, lineNo, c + 1));
            }
        }
    }

    private static boolean numeric(List<String> cells, int label) {
        for (int c = 0; c < cells.size(); c++) {
            if (c != label) {
                try {
                    Float.parseFloat(cells.get(c));
                } catch (NumberFormatException e) {
                    return false;
                }
            }
        }
        return true;
    }

    private static List<String> cells(String line, char delimiter) {
        List<String> cells = new ArrayList<>();
        int from = 0;
        for (int i = 0; i <= line.length(); i++) {
            if (i == line.length() || line.charAt(i) == delimiter) {
                String cell = line.substring(from, i).strip();
                if (cell.length() >= 2 && cell.startsWith("\"") && cell.endsWith("\"")) {
                    cell = cell.substring(1, cell.length() - 1).strip();
                }
                cells.add(cell);
                from = i + 1;
            }
        }
        return cells;
    }
}
