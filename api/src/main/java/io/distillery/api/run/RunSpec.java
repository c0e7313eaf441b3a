package io.distillery.api.run;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An experiment's config as parsed from YAML: a tree of maps, lists and scalars, read by dotted key paths
 * such as {@code student.model.name}. Immutable; errors name the full key path and the expected type.
 */
public final class RunSpec {
    private final Map<String, Object> root;
    private final String path;

    /** @param root the parsed tree; copied */
    public RunSpec(Map<String, Object> root) {
        this(deepCopy(root), "");
    }

    private RunSpec(Map<String, Object> root, String path) {
        this.root = root;
        this.path = path;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> deepCopy(Map<String, Object> map) {
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(k, v instanceof Map<?, ?> m ? deepCopy((Map<String, Object>) m)
                : v instanceof List<?> l ? List.copyOf(l) : v));
        return Collections.unmodifiableMap(out);
    }

    /** @return the tree at this node, unmodifiable */
    public Map<String, Object> asMap() {
        return root;
    }

    /**
     * @param key a dotted key path relative to this node
     * @return the value there, if any
     */
    public Optional<Object> find(String key) {
        Object node = root;
        for (String segment : key.split("\\.")) {
            if (!(node instanceof Map<?, ?> m) || !m.containsKey(segment)) {
                return Optional.empty();
            }
            node = m.get(segment);
        }
        return Optional.ofNullable(node);
    }

    /**
     * @param key a dotted key path to a map
     * @return that sub-tree
     * @throws IllegalArgumentException if it is missing or not a map
     */
    @SuppressWarnings("unchecked")
    public RunSpec section(String key) {
        Object v = require(key);
        if (v instanceof Map<?, ?> m) {
            return new RunSpec((Map<String, Object>) m, qualified(key));
        }
        throw wrongType(key, "a map", v);
    }

    /**
     * @param key a dotted key path
     * @return the string there
     * @throws IllegalArgumentException if it is missing
     */
    public String string(String key) {
        return require(key).toString();
    }

    /**
     * @param key a dotted key path
     * @return the number there
     * @throws IllegalArgumentException if it is missing or not a number
     */
    public double number(String key) {
        Object v = require(key);
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        throw wrongType(key, "a number", v);
    }

    /**
     * @param key a dotted key path
     * @return the integer there
     * @throws IllegalArgumentException if it is missing or not an integer
     */
    public long integer(String key) {
        Object v = require(key);
        if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            return n.longValue();
        }
        throw wrongType(key, "an integer", v);
    }

    private Object require(String key) {
        return find(key).orElseThrow(() -> new IllegalArgumentException("config key '" + qualified(key) + "' is missing"));
    }

    private String qualified(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private IllegalArgumentException wrongType(String key, String expected, Object actual) {
        return new IllegalArgumentException("config key '" + qualified(key) + "' must be " + expected + ", got "
                + actual + " (" + actual.getClass().getSimpleName() + ")");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RunSpec s && root.equals(s.root);
    }

    @Override
    public int hashCode() {
        return root.hashCode();
    }

    @Override
    public String toString() {
        return root.toString();
    }
}
