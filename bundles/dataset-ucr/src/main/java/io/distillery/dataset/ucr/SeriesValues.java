package io.distillery.dataset.ucr;

/** In-place preparations of series values laid out as rows of one channel's steps. */
final class SeriesValues {

    private SeriesValues() {}

    /**
     * Z-normalises every row (one channel of one series) to mean 0 and standard deviation 1 over its present
     * values, as the UCR archive's benchmarks assume; {@code NaN}s stay {@code NaN}. A constant row becomes 0.
     *
     * @param values the rows, one after another
     * @param length the steps in a row
     */
    static void zNormalize(float[] values, int length) {
        for (int from = 0; from < values.length; from += length) {
            double sum = 0;
            double squares = 0;
            int n = 0;
            for (int t = from; t < from + length; t++) {
                if (!Float.isNaN(values[t])) {
                    sum += values[t];
                    squares += (double) values[t] * values[t];
                    n++;
                }
            }
            double mean = n == 0 ? 0 : sum / n;
            double std = n == 0 ? 0 : Math.sqrt(Math.max(0, squares / n - mean * mean));
            double scale = std > 1e-8 ? 1 / std : 0;
            for (int t = from; t < from + length; t++) {
                values[t] = (float) ((values[t] - mean) * scale);
            }
        }
    }

    /**
     * @param values values where {@code NaN} marks a missing one or padding
     * @param with what replaces them
     */
    static void fillMissing(float[] values, float with) {
        for (int i = 0; i < values.length; i++) {
            if (Float.isNaN(values[i])) {
                values[i] = with;
            }
        }
    }
}
