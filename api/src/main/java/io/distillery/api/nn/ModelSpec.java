package io.distillery.api.nn;

import java.util.List;
import java.util.Map;

/**
 * Which architecture to build and its options, as a config names them:
 * {@code {name: mlp, hidden: [800, 800], dropout: 0.5}}.
 *
 * @param name the {@code model.name} of the factory to use
 * @param options the remaining keys, as parsed from the config (numbers, strings, booleans, lists, maps)
 */
public record ModelSpec(String name, Map<String, Object> options) {

    /** Copies the options. */
    public ModelSpec {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("model name is missing");
        }
        options = Map.copyOf(options);
    }

    /**
     * @param key an option
     * @param fallback the value when absent
     * @return the option as an integer
     * @throws IllegalArgumentException if present but not an integer
     */
    public int intOption(String key, int fallback) {
        Object v = options.get(key);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            return n.intValue();
        }
        throw wrong(key, "an integer", v);
    }

    /**
     * @param key an option
     * @param fallback the value when absent
     * @return the option as a number
     * @throws IllegalArgumentException if present but not a number
     */
    public double doubleOption(String key, double fallback) {
        Object v = options.get(key);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        throw wrong(key, "a number", v);
    }

    /**
     * @param key an option
     * @param fallback the value when absent
     * @return the option as a string
     */
    public String stringOption(String key, String fallback) {
        Object v = options.get(key);
        return v == null ? fallback : v.toString();
    }

    /**
     * @param key an option
     * @param fallback the value when absent
     * @return the option as a list of integers
     * @throws IllegalArgumentException if present but not a list of integers
     */
    public List<Integer> intListOption(String key, List<Integer> fallback) {
        Object v = options.get(key);
        if (v == null) {
            return fallback;
        }
        if (v instanceof List<?> list && list.stream().allMatch(e -> e instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()))) {
            return list.stream().map(e -> ((Number) e).intValue()).toList();
        }
        throw wrong(key, "a list of integers", v);
    }

    private IllegalArgumentException wrong(String key, String expected, Object actual) {
        return new IllegalArgumentException("model '" + name + "' option '" + key + "' must be " + expected
                + ", got " + actual);
    }
}
