package io.distillery.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A logarithmic axis from one power of ten to another, ticked at every power of ten, and at 2 and 5 times each
 * where it spans no more than two decades.
 *
 * @param low the exponent of the axis' start
 * @param high the exponent of the axis' end, above {@code low}
 */
record LogScale(int low, int high) implements Scale {

    /**
     * @param min the smallest value to show, positive
     * @param max the largest value to show, above {@code min}
     * @return the axis from the power of ten at or below {@code min} to the one at or above {@code max}
     */
    static LogScale covering(double min, double max) {
        // The tolerance keeps a value of exactly a power of ten, whose logarithm may be off by one ulp, on its decade.
        int low = (int) Math.floor(Math.log10(min) + 1e-9);
        return new LogScale(low, Math.max(low + 1, (int) Math.ceil(Math.log10(max) - 1e-9)));
    }

    @Override
    public double position(double value) {
        return (Math.log10(value) - low) / (high - low);
    }

    @Override
    public List<Double> ticks() {
        boolean fine = high - low <= 2;
        List<Double> ticks = new ArrayList<>();
        for (int e = low; e <= high; e++) {
            // Parsed rather than computed, so that each decade is the double nearest to it, as a literal is.
            double decade = Double.parseDouble("1e" + e);
            ticks.add(decade);
            if (fine && e < high) {
                ticks.add(2 * decade);
                ticks.add(5 * decade);
            }
        }
        return ticks;
    }

    @Override
    public String label(double tick) {
        return tick >= 1e-3 && tick < 1e5 ? Numbers.significant(tick, 1) : String.format(Locale.ROOT, "%.0e", tick);
    }
}
