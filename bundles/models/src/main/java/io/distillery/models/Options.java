package io.distillery.models;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntPredicate;
import java.util.function.Predicate;

import io.distillery.api.nn.ModelSpec;

/**
 * A model's options read with validation: every value checked against its range, and keys the model does not
 * know refused with the list of those it does, so that a typo in a config fails instead of being ignored.
 * Every message names the model, the option and the value.
 *
 * <pre>{@code
 * Options o = Options.of("resnet", spec, "depth", "width");
 * int depth = o.integer("depth", 20, 8, 1000);
 * }</pre>
 */
final class Options {
    private final String model;
    private final ModelSpec spec;

    private Options(String model, ModelSpec spec) {
        this.model = model;
        this.spec = spec;
    }

    /**
     * @param model the factory's {@code model.name}, for messages
     * @param spec the options as the config gave them
     * @param known every option the model accepts
     * @return a reader over the options
     * @throws IllegalArgumentException naming the first unknown option and listing the known ones
     */
    static Options of(String model, ModelSpec spec, String... known) {
        Set<String> accepted = Set.of(known);
        for (String key : new TreeSet<>(spec.options().keySet())) {
            if (!accepted.contains(key)) {
                throw new IllegalArgumentException("model '" + model + "' has no option '" + key + "'; its options are "
                        + (known.length == 0 ? "none" : new TreeSet<>(accepted)));
            }
        }
        return new Options(model, spec);
    }

    /**
     * @param key the option
     * @param fallback its value when absent
     * @param min the smallest value allowed
     * @param max the largest value allowed
     * @return the option as an integer in {@code [min, max]}
     */
    int integer(String key, int fallback, int min, int max) {
        int v = spec.intOption(key, fallback);
        check(key, v, v >= min && v <= max, "an integer from " + min + " to " + max);
        return v;
    }

    /**
     * @param key the option
     * @param fallback its value when absent
     * @param rule what the value must satisfy besides being an integer, in words for the message
     * @param test the rule itself
     * @return the option as an integer that passes the test
     */
    int integer(String key, int fallback, String rule, IntPredicate test) {
        int v = spec.intOption(key, fallback);
        check(key, v, test.test(v), rule);
        return v;
    }

    /**
     * @param key the option
     * @param fallback its value when absent
     * @return the option as a dropout probability in {@code [0, 1)}
     */
    double probability(String key, double fallback) {
        double v = spec.doubleOption(key, fallback);
        check(key, v, v >= 0 && v < 1, "a probability in [0, 1)");
        return v;
    }

    /**
     * @param key the option
     * @param fallback its value when absent
     * @return the option as a positive, finite number
     */
    double positive(String key, double fallback) {
        double v = spec.doubleOption(key, fallback);
        check(key, v, v > 0 && v < Double.POSITIVE_INFINITY, "a positive number");
        return v;
    }

    /**
     * @param key the option
     * @param fallback its value when absent
     * @param min the smallest element allowed
     * @return the option as a list of integers, each at least {@code min}
     */
    List<Integer> integers(String key, List<Integer> fallback, int min) {
        List<Integer> v = spec.intListOption(key, fallback);
        check(key, v, v.stream().allMatch(i -> i >= min), "a list of integers of at least " + min);
        return v;
    }

    /**
     * @param key the option
     * @param fallback its value when absent
     * @param rule what the list must satisfy, in words for the message
     * @param test the rule itself
     * @return the option as a list of integers that passes the test
     */
    List<Integer> integers(String key, List<Integer> fallback, String rule, Predicate<List<Integer>> test) {
        List<Integer> v = spec.intListOption(key, fallback);
        check(key, v, test.test(v), rule);
        return v;
    }

    /**
     * @param <T> what the names stand for
     * @param key the option
     * @param fallback the name to take when the option is absent, one of the choices
     * @param choices what each allowed name stands for
     * @return what the option's name stands for
     */
    <T> T choice(String key, String fallback, Map<String, T> choices) {
        Object raw = spec.options().getOrDefault(key, fallback);
        check(key, raw, raw instanceof String name && choices.containsKey(name),
                "one of " + String.join(", ", new TreeSet<>(choices.keySet())));
        return choices.get(raw);
    }

    /**
     * @param value an option's number
     * @return it as a config would write it: {@code 4}, not {@code 4.0}
     */
    static String format(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private void check(String key, Object value, boolean ok, String expected) {
        if (!ok) {
            throw new IllegalArgumentException("model '" + model + "' option '" + key + "' must be " + expected
                    + ", got " + value);
        }
    }
}
