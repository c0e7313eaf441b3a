package io.distillery.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * Formats the report's numbers for people: three significant digits with a unit prefix ({@code 1.23 M},
 * {@code 41.0 M}), percentages with two decimals ({@code 98.52 %}), counts with thousands separators. Always in
 * the root locale, so that a report reads the same wherever it was written.
 */
final class Numbers {
    private static final String[] PREFIXES = {"", " k", " M", " G", " T", " P"};

    private Numbers() {}

    /**
     * @param value a count, such as parameters or multiply-accumulates
     * @return it with three significant digits and a decimal prefix: {@code 950}, {@code 1.23 M}
     */
    static String count(double value) {
        return prefixed(value, "");
    }

    /**
     * @param value a size in bytes
     * @return it with three significant digits and a decimal unit: {@code 812 B}, {@code 3.18 MB}
     */
    static String bytes(double value) {
        return prefixed(value, "B");
    }

    /**
     * @param fraction a fraction such as an accuracy, 1 for all
     * @return it in percent with two decimals: {@code 98.52 %}
     */
    static String percent(double fraction) {
        return Double.isFinite(fraction) ? String.format(Locale.ROOT, "%.2f %%", fraction * 100) : nonFinite(fraction);
    }

    /**
     * @param value a whole number, such as a count of errors
     * @return it rounded, with thousands separators: {@code 10,000}
     */
    static String integer(double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%,d", Math.round(value)) : nonFinite(value);
    }

    /**
     * @param seconds a duration
     * @return it in seconds below two minutes ({@code 41.3 s}), else in minutes and seconds ({@code 12 min 05 s})
     */
    static String duration(double seconds) {
        if (!Double.isFinite(seconds) || seconds < 120) {
            return significant(seconds, 3) + " s";
        }
        long s = Math.round(seconds);
        return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
    }

    /**
     * @param value any number
     * @param digits how many significant digits to show
     * @return it rounded to that many, keeping trailing zeros ({@code 41.0}) and never in exponent form
     */
    static String significant(double value, int digits) {
        if (!Double.isFinite(value)) {
            return nonFinite(value);
        }
        if (value == 0) {
            return "0";
        }
        BigDecimal rounded = new BigDecimal(value).round(new MathContext(digits, RoundingMode.HALF_EVEN));
        int magnitude = rounded.precision() - rounded.scale() - 1;
        return rounded.setScale(Math.max(0, digits - 1 - magnitude), RoundingMode.UNNECESSARY).toPlainString();
    }

    /**
     * @param value any number, such as a learning rate
     * @return it with at most three significant digits, without trailing zeros: {@code 0.05}, {@code 0.00675}
     */
    static String brief(double value) {
        if (!Double.isFinite(value)) {
            return nonFinite(value);
        }
        return value == 0 ? "0" : new BigDecimal(value).round(new MathContext(3)).stripTrailingZeros().toPlainString();
    }

    private static String prefixed(double value, String unit) {
        if (!Double.isFinite(value)) {
            return nonFinite(value);
        }
        // Round first so that 999,600 becomes 1.00 M rather than 1000 k.
        double rounded = value == 0 ? 0 : new BigDecimal(value).round(new MathContext(3)).doubleValue();
        int power = 0;
        while (Math.abs(rounded) >= 1000 && power < PREFIXES.length - 1) {
            rounded /= 1000;
            power++;
        }
        String number = power == 0 && rounded == Math.rint(rounded) ? integer(rounded) : significant(rounded, 3);
        String prefix = PREFIXES[power];
        return number + (unit.isEmpty() ? prefix : (prefix.isEmpty() ? " " : prefix) + unit);
    }

    private static String nonFinite(double value) {
        return Double.isNaN(value) ? "NaN" : value > 0 ? "∞" : "−∞";
    }
}
