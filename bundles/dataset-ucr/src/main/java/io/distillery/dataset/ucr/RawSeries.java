package io.distillery.dataset.ucr;

import java.util.Arrays;
import java.util.List;

/**
 * The series of one file as read: labels as written, values with {@code NaN} for missing ones and for the
 * padding of shorter series.
 *
 * @param file the file, for messages
 * @param labels each series' label as written
 * @param values {@code [series][channel][step]}, row-major
 * @param channels the variables per series (1 for univariate)
 * @param length the steps per channel, after padding
 * @param declaredClasses the labels the file's header declares, or none when it declares none
 */
record RawSeries(String file, List<String> labels, float[] values, int channels, int length, List<String> declaredClasses) {

    /** @return the number of series */
    int count() {
        return labels.size();
    }

    /**
     * @param newLength a length at least {@link #length()}
     * @return these series with every channel padded by {@code NaN} to that length
     */
    RawSeries padTo(int newLength) {
        if (newLength == length) {
            return this;
        }
        float[] padded = new float[count() * channels * newLength];
        Arrays.fill(padded, Float.NaN);
        for (int row = 0; row < count() * channels; row++) {
            System.arraycopy(values, row * length, padded, row * newLength, length);
        }
        return new RawSeries(file, labels, padded, channels, newLength, declaredClasses);
    }
}
