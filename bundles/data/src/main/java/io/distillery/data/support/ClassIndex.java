package io.distillery.data.support;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Maps the class labels a file writes (numbers such as {@code -1} and {@code 1}, or names such as {@code cat})
 * to class indices {@code 0..k-1}. Built once from the labels of every part of a data set, so that training and
 * test examples of one class always get the same index.
 *
 * <p>When every label is a number, classes are ordered by value and labels that are the same number are the
 * same class ({@code 1}, {@code 1.0} and {@code 01}); otherwise they are ordered as strings.
 */
public final class ClassIndex {
    private final List<String> names;
    private final Map<String, Integer> indices;
    private final boolean numeric;

    private ClassIndex(List<String> names, Map<String, Integer> indices, boolean numeric) {
        this.names = names;
        this.indices = indices;
        this.numeric = numeric;
    }

    /**
     * @param labels every label that occurs, in any order, repeats allowed
     * @return the index of the distinct labels
     */
    public static ClassIndex of(Collection<String> labels) {
        boolean numeric = !labels.isEmpty() && labels.stream().allMatch(ClassIndex::isNumber);
        TreeMap<String, String> sorted = new TreeMap<>(numeric
                ? Comparator.comparing(BigDecimal::new) : Comparator.<String>naturalOrder());
        for (String label : labels) {
            sorted.putIfAbsent(key(label, numeric), label.strip());
        }
        Map<String, Integer> indices = new HashMap<>();
        sorted.keySet().forEach(k -> indices.put(k, indices.size()));
        return new ClassIndex(List.copyOf(sorted.values()), indices, numeric);
    }

    /**
     * @param label a label as the file writes it
     * @return its class index
     * @throws IllegalArgumentException if the label is not one of the classes
     */
    public int indexOf(String label) {
        Integer i = isNumber(label) || !numeric ? indices.get(key(label, numeric)) : null;
        if (i == null) {
            throw new IllegalArgumentException("label '" + label + "' is not one of the " + names.size()
                    + " classes " + names);
        }
        return i;
    }

    /** @return the number of classes */
    public int size() {
        return names.size();
    }

    private static String key(String label, boolean numeric) {
        return numeric ? new BigDecimal(label.strip()).stripTrailingZeros().toPlainString() : label.strip();
    }

    private static boolean isNumber(String s) {
        try {
            new BigDecimal(s.strip());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
