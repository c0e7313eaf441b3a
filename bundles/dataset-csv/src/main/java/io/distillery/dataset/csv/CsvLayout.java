package io.distillery.dataset.csv;

import java.util.List;

import io.distillery.data.support.Options;

/**
 * How the CSV files of a data set are laid out, from the options {@code delimiter}, {@code header} and
 * {@code label}.
 *
 * @param delimiter the character between cells
 * @param header {@code TRUE} or {@code FALSE} if the config says whether the first line names the columns,
 *        {@code null} to detect it
 * @param labelName the label column's name, or {@code null} when it is given by index
 * @param labelIndex the label column's index, negative counting from the end; unused when named
 */
record CsvLayout(char delimiter, Boolean header, String labelName, int labelIndex) {

    /** The options a CSV data set accepts. */
    static final String[] OPTIONS = {"train_file", "test_file", "delimiter", "header", "label"};

    /**
     * @param o the options
     * @return the layout they describe; by default comma-separated, header detected, label last
     * @throws IllegalArgumentException naming an invalid option
     */
    static CsvLayout of(Options o) {
        String delimiter = o.string("delimiter", ",");
        if (delimiter.equals("tab")) {
            delimiter = "\t";
        }
        if (delimiter.length() != 1 || delimiter.equals("\"")) {
            throw o.invalid("delimiter", delimiter, "one character other than a quote, or 'tab'");
        }
        Object header = o.raw("header");
        if (header != null && !(header instanceof Boolean) && !"auto".equals(header)) {
            throw o.invalid("header", header, "true, false or auto");
        }
        Object label = o.raw("label");
        if (label == null || label instanceof Number) {
            int index = o.integer("label", -1, Integer.MIN_VALUE + 1, Integer.MAX_VALUE);
            return new CsvLayout(delimiter.charAt(0), header instanceof Boolean b ? b : null, null, index);
        }
        if (Boolean.FALSE.equals(header)) {
            throw o.invalid("label", label, "a column index when 'header' is false, since only a header names columns");
        }
        return new CsvLayout(delimiter.charAt(0), Boolean.TRUE, o.string("label", null), 0);
    }

    /**
     * @param columns the number of columns
     * @param names the header's names, or {@code null} if there is none
     * @param file the file, for messages
     * @return the label column's 0-based index
     * @throws IllegalArgumentException if the column does not exist, naming the columns that do
     */
    int labelColumn(int columns, List<String> names, String file) {
        if (labelName != null) {
            int at = names.indexOf(labelName);
            if (at < 0) {
                throw new IllegalArgumentException(file + ": no column '" + labelName + "' for the label; the columns are "
                        + names);
            }
            return at;
        }
        int at = labelIndex < 0 ? columns + labelIndex : labelIndex;
        if (at < 0 || at >= columns) {
            throw new IllegalArgumentException(file + ": label column " + labelIndex + " is outside the " + columns
                    + " columns");
        }
        return at;
    }
}
