package io.distillery.report;

import java.util.List;

/** How a chart axis maps values onto its length, and which values it labels. */
interface Scale {

    /**
     * @param value a value within the axis' range
     * @return where it lies along the axis: 0 at its start, 1 at its end
     */
    double position(double value);

    /** @return the values the axis marks and labels, in increasing order */
    List<Double> ticks();

    /**
     * @param tick one of the ticks
     * @return its label
     */
    String label(double tick);

    /**
     * Picks the scale for a chart's values: logarithmic for positive values spanning two decades or more, so that
     * loss terms of very different sizes (a hint loss in the hundreds beside a cross-entropy below one) all stay
     * readable, else linear.
     *
     * @param min the smallest finite value
     * @param max the largest finite value
     * @param percent whether the values are fractions to label in percent, which stay linear
     * @return the scale
     */
    static Scale of(double min, double max, boolean percent) {
        if (!percent && min > 0 && max / min >= 100) {
            return LogScale.covering(min, max);
        }
        return LinearScale.covering(min, max, percent ? 100 : 1);
    }
}
