package io.distillery.runner;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import io.distillery.runner.config.Suggest;

/**
 * Services of one kind by their name property ({@code strategy.name}, {@code model.name}, ...), as they come
 * and go. A lookup of an unknown name fails listing the known ones.
 *
 * @param <T> the service type
 */
public final class Registry<T> {
    private final String kind;
    private final String plural;
    private final String property;
    private final Map<String, T> byName = new ConcurrentHashMap<>();

    /**
     * @param kind what one service is, for messages ("strategy")
     * @param plural what several are ("strategies")
     * @param property the name property ("strategy.name")
     */
    public Registry(String kind, String plural, String property) {
        this.kind = kind;
        this.plural = plural;
        this.property = property;
    }

    void add(T service, Map<String, Object> properties) {
        Object name = properties.get(property);
        if (name != null) {
            byName.put(name.toString(), service);
        }
    }

    void remove(T service, Map<String, Object> properties) {
        Object name = properties.get(property);
        if (name != null) {
            byName.remove(name.toString(), service);
        }
    }

    /**
     * @param name a name
     * @param service the service to register under it (for use outside a framework)
     */
    public void put(String name, T service) {
        byName.put(name, service);
    }

    /**
     * @param name a name from a config
     * @param keyPath the config key that named it, for the message
     * @return the service
     * @throws IllegalArgumentException if none has that name, listing those there are
     */
    public T get(String name, String keyPath) {
        T s = byName.get(name);
        if (s == null) {
            var known = new TreeMap<>(byName).keySet();
            throw new IllegalArgumentException("unknown " + kind + " '" + name + "' at config key '" + keyPath + "'"
                    + Suggest.hint(name, known) + "; known " + plural + ": " + (known.isEmpty() ? "none" : String.join(", ", known)));
        }
        return s;
    }
}
