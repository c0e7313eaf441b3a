package io.distillery.data.support;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A validated reader of one component's config options, as they arrive from YAML: numbers may be
 * {@code Integer}, {@code Long} or {@code Double}, lists are {@code List}s.
 *
 * <p>Every error names the owner (such as {@code dataset csv} or {@code transform cutout}), the option and
 * the value; an option the owner does not know is an error that lists the ones it does, so a typo never
 * passes silently.
 *
 * <pre>{@code
 * Options o = Options.of(options, "transform cutout", "size", "fill");
 * int size = o.integer("size", 8, 1, 4096);
 * }</pre>
 */
public final class Options {
    private final Map<String, Object> values;
    private final String owner;

    private Options(Map<String, Object> values, String owner) {
        this.values = values;
        this.owner = owner;
    }

    /**
     * @param options the options, or {@code null} for none
     * @param owner who reads them, for messages, e.g. {@code dataset mnist}
     * @param known every option the owner accepts
     * @return the reader
     * @throws IllegalArgumentException naming the unknown options and listing the known ones
     */
    public static Options of(Map<String, Object> options, String owner, String... known) {
        Map<String, Object> values = options == null ? Map.of() : options;
        Set<String> unknown = new TreeSet<>(values.keySet());
        unknown.removeAll(List.of(known));
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(owner + ": unknown option" + (unknown.size() > 1 ? "s " : " ")
                    + String.join(", ", unknown) + "; known options: "
                    + (known.length == 0 ? "(none)" : String.join(", ", new TreeSet<>(List.of(known)))));
        }
        return new Options(values, owner);
    }

    /**
     * @param name an option
     * @param fallback the value when it is not set
     * @param min the smallest allowed value
     * @param max the largest allowed value
     * @return the integer
     * @throws IllegalArgumentException if it is not an integer in {@code [min, max]}
     */
    public int integer(String name, int fallback, int min, int max) {
        return has(name) ? integerValue(name, values.get(name), min, max) : fallback;
    }

    /**
     * @param name an option
     * @param fallback the value when it is not set
     * @param min the smallest allowed value
     * @param max the largest allowed value
     * @return the number
     * @throws IllegalArgumentException if it is not a finite number in {@code [min, max]}
     */
    public double number(String name, double fallback, double min, double max) {
        return has(name) ? numberValue(name, values.get(name), min, max) : fallback;
    }

    /**
     * Reads a number or a list of numbers, such as per-channel means.
     *
     * @param name an option
     * @param min the smallest allowed value
     * @param max the largest allowed value
     * @return the numbers, one if the option is a single number
     * @throws IllegalArgumentException if it is missing, empty, or holds anything but numbers in range
     */
    public double[] numbers(String name, double min, double max) {
        Object v = require(name);
        if (!(v instanceof List<?> list)) {
            return new double[] {numberValue(name, v, min, max)};
        }
        if (list.isEmpty()) {
            throw invalid(name, v, "a non-empty list of numbers");
        }
        double[] out = new double[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = numberValue(name, list.get(i), min, max);
        }
        return out;
    }

    /**
     * Reads an integer or a list of integers, such as an image size {@code [height, width]}.
     *
     * @param name an option
     * @param count how many integers a list must hold; a single integer is repeated this often
     * @param min the smallest allowed value
     * @param max the largest allowed value
     * @return the integers
     * @throws IllegalArgumentException if it is missing or not {@code count} integers in range
     */
    public int[] integers(String name, int count, int min, int max) {
        Object v = require(name);
        int[] out = new int[count];
        if (v instanceof List<?> list) {
            if (list.size() != count) {
                throw invalid(name, v, count + " integers");
            }
            for (int i = 0; i < count; i++) {
                out[i] = integerValue(name, list.get(i), min, max);
            }
        } else {
            Arrays.fill(out, integerValue(name, v, min, max));
        }
        return out;
    }

    /**
     * @param name an option
     * @param fallback the value when it is not set
     * @return the flag
     * @throws IllegalArgumentException if it is not a boolean
     */
    public boolean flag(String name, boolean fallback) {
        if (!has(name)) {
            return fallback;
        }
        if (values.get(name) instanceof Boolean b) {
            return b;
        }
        throw invalid(name, values.get(name), "true or false");
    }

    /**
     * @param name an option
     * @param fallback the value when it is not set, or {@code null} if it must be set
     * @return the string
     * @throws IllegalArgumentException if it is missing without a fallback, or empty
     */
    public String string(String name, String fallback) {
        if (!has(name) && fallback != null) {
            return fallback;
        }
        String s = require(name).toString();
        if (s.isBlank()) {
            throw invalid(name, s, "a non-empty string");
        }
        return s;
    }

    /**
     * @param name an option
     * @param fallback the value when it is not set
     * @param allowed the values it may take
     * @return the chosen value
     * @throws IllegalArgumentException naming the allowed values if it is another
     */
    public String choice(String name, String fallback, String... allowed) {
        String s = string(name, fallback);
        if (!List.of(allowed).contains(s)) {
            throw invalid(name, s, "one of " + String.join(", ", allowed));
        }
        return s;
    }

    /** @param name an option @return its raw value, for options that take several types; {@code null} if unset */
    public Object raw(String name) {
        return values.get(name);
    }

    /**
     * @param name the option at fault
     * @param value its value
     * @param expected what it should have been
     * @return an exception naming the owner, the option, the value and the expectation
     */
    public IllegalArgumentException invalid(String name, Object value, String expected) {
        return new IllegalArgumentException(owner + ": option '" + name + "' must be " + expected + ", got " + value
                + " (" + kind(value) + ")");
    }

    private static String kind(Object value) {
        if (value instanceof List) {
            return "a list";
        }
        if (value instanceof Map) {
            return "a map";
        }
        return value instanceof Number ? "a number" : value instanceof Boolean ? "a boolean" : "a string";
    }

    private boolean has(String name) {
        return values.get(name) != null;
    }

    private Object require(String name) {
        if (!has(name)) {
            throw new IllegalArgumentException(owner + ": option '" + name + "' is required");
        }
        return values.get(name);
    }

    private int integerValue(String name, Object v, int min, int max) {
        if (v instanceof Number n) {
            double x = n.doubleValue();
            if (x == Math.rint(x) && x >= min && x <= max) {
                return (int) x;
            }
        }
        throw invalid(name, v, "an integer in [" + min + ", " + max + "]");
    }

    private double numberValue(String name, Object v, double min, double max) {
        if (v instanceof Number n && Double.isFinite(n.doubleValue()) && n.doubleValue() >= min && n.doubleValue() <= max) {
            return n.doubleValue();
        }
        throw invalid(name, v, "a number in [" + min + ", " + max + "]");
    }
}
