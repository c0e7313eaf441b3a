package io.distillery.data.support;

import java.io.IOException;

/** Parses the cells of text formats (CSV, TSV, {@code .ts}), with errors that point at the file, line and column. */
public final class TextCells {

    private TextCells() {}

    /**
     * @param cell the cell's text; {@code NaN} reads as a missing value
     * @param file the file, for the message
     * @param line the 1-based line
     * @param column the 1-based column
     * @return the cell's value
     * @throws IOException naming file, line, column and cell if it is not a number
     */
    public static float number(String cell, String file, int line, int column) throws IOException {
        String s = cell.strip();
        try {
            // Float.parseFloat also takes a type suffix ("1f", "2d"); in a data file that is a typo, not a number.
            char last = s.isEmpty() ? ' ' : Character.toLowerCase(s.charAt(s.length() - 1));
            if (last == 'f' || last == 'd') {
                throw new NumberFormatException(s);
            }
            return Float.parseFloat(s);
        } catch (NumberFormatException e) {
            throw new IOException(at(file, line, column) + "'" + cell + "' is not a number");
        }
    }

    /**
     * @param file the file
     * @param line the 1-based line
     * @param column the 1-based column, or 0 for the whole line
     * @return the location prefix of a message, e.g. {@code train.csv line 3, column 2: }
     */
    public static String at(String file, int line, int column) {
        return file + " line " + line + (column > 0 ? ", column " + column : "") + ": ";
    }
}
