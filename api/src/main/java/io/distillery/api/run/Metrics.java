package io.distillery.api.run;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Named measurements, in insertion order, such as {@code loss}, {@code test_accuracy}, {@code samples_per_s}.
 *
 * @param values the measurements by name
 */
public record Metrics(Map<String, Double> values) {

    /** Copies the values, keeping their order. */
    public Metrics {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** @return no measurements */
    public static Metrics empty() {
        return new Metrics(Map.of());
    }

    /**
     * @param name a measurement's name
     * @param value its value
     * @return these metrics plus (or with a new value for) that one
     */
    public Metrics with(String name, double value) {
        Map<String, Double> m = new LinkedHashMap<>(values);
        m.put(name, value);
        return new Metrics(m);
    }

    /**
     * @param name a measurement's name
     * @return its value
     * @throws IllegalArgumentException if there is none, listing the names there are
     */
    public double get(String name) {
        Double v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException("no metric '" + name + "'; have " + values.keySet());
        }
        return v;
    }
}
