package io.distillery.runner.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the value at a config key must be: a scalar type, a list, a map with known keys (each required or with a
 * default), an open map, or a "named" map (a {@code name} plus options someone else checks). Resolving a value
 * checks it and fills in defaults; errors name the full key path and what was expected.
 */
final class Rule {
    enum Kind { INT, NUMBER, STRING, BOOL, INT_LIST, MAP, OPEN_MAP, NAMED, NAMED_LIST }

    /** A key of a map rule: its rule, whether it must be given, its default, and a lower bound for numbers. */
    record Key(Rule rule, boolean required, Object fallback, Double min) {
    }

    private final Kind kind;
    private final Map<String, Key> keys;

    private Rule(Kind kind, Map<String, Key> keys) {
        this.kind = kind;
        this.keys = keys;
    }

    static final Rule INT = new Rule(Kind.INT, Map.of());
    static final Rule NUMBER = new Rule(Kind.NUMBER, Map.of());
    static final Rule STRING = new Rule(Kind.STRING, Map.of());
    static final Rule BOOL = new Rule(Kind.BOOL, Map.of());
    static final Rule INT_LIST = new Rule(Kind.INT_LIST, Map.of());
    static final Rule OPEN_MAP = new Rule(Kind.OPEN_MAP, Map.of());
    static final Rule NAMED = new Rule(Kind.NAMED, Map.of());
    static final Rule NAMED_LIST = new Rule(Kind.NAMED_LIST, Map.of());

    /** Starts a map rule; add its keys with the builder. */
    static Builder map() {
        return new Builder();
    }

    /** Collects the keys of a map rule, in the order a resolved config lists them. */
    static final class Builder {
        private final Map<String, Key> keys = new LinkedHashMap<>();

        Builder required(String key, Rule rule) {
            keys.put(key, new Key(rule, true, null, null));
            return this;
        }

        Builder required(String key, Rule rule, double min) {
            keys.put(key, new Key(rule, true, null, min));
            return this;
        }

        Builder optional(String key, Rule rule, Object fallback) {
            keys.put(key, new Key(rule, false, fallback, null));
            return this;
        }

        Builder optional(String key, Rule rule, Object fallback, double min) {
            keys.put(key, new Key(rule, false, fallback, min));
            return this;
        }

        Rule build() {
            return new Rule(Kind.MAP, keys);
        }
    }

    /**
     * @param value a parsed value, or {@code null} when absent
     * @param path its key path, for messages
     * @return the checked value with defaults filled in
     * @throws IllegalArgumentException naming the key path and what was expected
     */
    @SuppressWarnings("unchecked")
    Object resolve(Object value, String path) {
        return switch (kind) {
            case INT -> {
                if (value instanceof Integer || value instanceof Long l && l == l.intValue()) {
                    yield ((Number) value).intValue();
                }
                throw wrong(path, "an integer", value);
            }
            case NUMBER -> {
                if (value instanceof Number n && !(value instanceof Boolean)) {
                    yield n.doubleValue();
                }
                throw wrong(path, "a number", value);
            }
            case STRING -> {
                if (value instanceof String s) {
                    yield s;
                }
                throw wrong(path, "a string", value);
            }
            case BOOL -> {
                if (value instanceof Boolean b) {
                    yield b;
                }
                throw wrong(path, "true or false", value);
            }
            case INT_LIST -> {
                if (value instanceof List<?> list) {
                    List<Integer> out = new ArrayList<>();
                    for (int i = 0; i < list.size(); i++) {
                        out.add((Integer) INT.resolve(list.get(i), path + "[" + i + "]"));
                    }
                    yield out;
                }
                throw wrong(path, "a list of integers", value);
            }
            case OPEN_MAP -> asMap(value, path);
            case NAMED -> {
                Map<String, Object> m = asMap(value, path);
                STRING.resolve(m.get("name"), path + ".name");
                yield m;
            }
            case NAMED_LIST -> {
                if (value instanceof List<?> list) {
                    List<Object> out = new ArrayList<>();
                    for (int i = 0; i < list.size(); i++) {
                        out.add(NAMED.resolve(list.get(i), path + "[" + i + "]"));
                    }
                    yield out;
                }
                throw wrong(path, "a list of maps with a name", value);
            }
            case MAP -> resolveMap(asMap(value, path), path);
        };
    }

    private Map<String, Object> resolveMap(Map<String, Object> given, String path) {
        for (String k : given.keySet()) {
            if (!keys.containsKey(k)) {
                throw new IllegalArgumentException("unknown config key '" + join(path, k) + "'"
                        + Suggest.hint(k, keys.keySet()) + " (known keys" + (path.isEmpty() ? "" : " of '" + path + "'")
                        + ": " + String.join(", ", keys.keySet()) + ")");
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Key> e : keys.entrySet()) {
            String p = join(path, e.getKey());
            Key key = e.getValue();
            Object v = given.get(e.getKey());
            if (v == null) {
                if (key.required()) {
                    throw new IllegalArgumentException("config key '" + p + "' is missing");
                }
                out.put(e.getKey(), key.fallback() == null ? null : key.rule().resolve(key.fallback(), p));
                continue;
            }
            Object resolved = key.rule().resolve(v, p);
            if (key.min() != null && ((Number) resolved).doubleValue() < key.min()) {
                throw new IllegalArgumentException("config key '" + p + "' must be at least " + key.min() + ", got " + v);
            }
            out.put(e.getKey(), resolved);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value, String path) {
        if (value instanceof Map<?, ?> m) {
            for (Object k : m.keySet()) {
                if (!(k instanceof String)) {
                    throw new IllegalArgumentException("config key '" + join(path, String.valueOf(k)) + "' is not a string key");
                }
            }
            return new LinkedHashMap<>((Map<String, Object>) m);
        }
        throw wrong(path, "a map", value);
    }

    private static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private static IllegalArgumentException wrong(String path, String expected, Object actual) {
        return new IllegalArgumentException("config key '" + path + "' must be " + expected + ", got "
                + (actual == null ? "nothing" : "'" + actual + "' (" + typeName(actual) + ")"));
    }

    private static String typeName(Object v) {
        if (v instanceof Number) {
            return v instanceof Integer || v instanceof Long ? "an integer" : "a number";
        }
        if (v instanceof String) {
            return "a string";
        }
        if (v instanceof Boolean) {
            return "a boolean";
        }
        if (v instanceof List) {
            return "a list";
        }
        return v instanceof Map ? "a map" : v.getClass().getSimpleName();
    }
}
