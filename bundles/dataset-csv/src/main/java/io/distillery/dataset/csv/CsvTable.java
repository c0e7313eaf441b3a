package io.distillery.dataset.csv;

import java.util.List;

/**
 * One CSV file as read: the feature values row after row, and each row's label as written.
 *
 * @param file the file, for messages
 * @param header the column names, or {@code null} if the file has no header line
 * @param features the feature values, {@code labels.size() × featureCount}
 * @param featureCount the columns other than the label
 * @param labels each row's label cell
 */
record CsvTable(String file, List<String> header, float[] features, int featureCount, List<String> labels) {}
