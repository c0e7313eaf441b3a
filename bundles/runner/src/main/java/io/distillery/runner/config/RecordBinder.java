package io.distillery.runner.config;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Binds a config section to a record: component {@code fooBar} takes key {@code foo_bar}. Numbers, booleans,
 * strings, enums (by kebab-case name), lists and maps convert; missing keys come from the record's
 * {@code public static final DEFAULTS} instance if it has one. Errors name the section's key path.
 */
public final class RecordBinder {
    private RecordBinder() {
    }

    /**
     * @param <R> the record type
     * @param type the record class
     * @param values the section, without keys the caller consumed (such as {@code name})
     * @param path the section's key path, for messages
     * @return the bound record
     */
    public static <R extends Record> R bind(Class<R> type, Map<String, Object> values, String path) {
        RecordComponent[] components = type.getRecordComponents();
        R defaults = defaults(type);
        Map<String, RecordComponent> byKey = new LinkedHashMap<>();
        for (RecordComponent c : components) {
            byKey.put(key(c.getName()), c);
        }
        for (Map.Entry<String, Object> e : values.entrySet()) {
            String k = e.getKey();
            if (e.getValue() == null) {
                throw new IllegalArgumentException("config key '" + path + "." + k + "' has no value (in YAML, 'key: value' "
                        + "needs the space after the colon)");
            }
            if (!byKey.containsKey(k)) {
                throw new IllegalArgumentException("unknown config key '" + path + "." + k + "'" + Suggest.hint(k, byKey.keySet())
                        + " (known: " + String.join(", ", byKey.keySet()) + ")");
            }
        }
        Object[] args = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent c = components[i];
            String k = key(c.getName());
            types[i] = c.getType();
            if (values.containsKey(k) && values.get(k) != null) {
                args[i] = convert(values.get(k), c.getGenericType(), path + "." + k);
            } else if (defaults != null) {
                args[i] = read(c, defaults);
            } else {
                throw new IllegalArgumentException("config key '" + path + "." + k + "' is missing");
            }
        }
        try {
            Constructor<R> ctor = type.getDeclaredConstructor(types);
            ctor.setAccessible(true);
            return ctor.newInstance(args);
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException("config section '" + path + "': " + e.getCause().getMessage(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot make " + type.getName() + ": " + e, e);
        }
    }

    /** @param name a camelCase name @return it in snake_case */
    static String key(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    @SuppressWarnings("unchecked")
    private static <R> R defaults(Class<R> type) {
        try {
            Field f = type.getField("DEFAULTS");
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == type) {
                return (R) f.get(null);
            }
        } catch (NoSuchFieldException e) {
            return null;
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(type.getName() + ".DEFAULTS is not accessible", e);
        }
        return null;
    }

    private static Object read(RecordComponent c, Object instance) {
        try {
            c.getAccessor().setAccessible(true);
            return c.getAccessor().invoke(instance);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + c, e);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object convert(Object v, Type type, String path) {
        Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
        if (raw == double.class || raw == Double.class || raw == float.class || raw == Float.class) {
            double d = ((Number) expect(v, Number.class, "a number", path)).doubleValue();
            return raw == float.class || raw == Float.class ? (Object) (float) d : (Object) d;
        }
        if (raw == int.class || raw == Integer.class || raw == long.class || raw == Long.class) {
            Number n = (Number) expect(v, Number.class, "an integer", path);
            if (n.doubleValue() != Math.rint(n.doubleValue())) {
                throw wrong(path, "an integer", v);
            }
            return raw == long.class || raw == Long.class ? (Object) n.longValue() : (Object) n.intValue();
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return expect(v, Boolean.class, "true or false", path);
        }
        if (raw == String.class) {
            return expect(v, String.class, "a string", path);
        }
        if (raw.isEnum()) {
            String s = (String) expect(v, String.class, "a string", path);
            Set<String> names = new LinkedHashSet<>();
            for (Object c : raw.getEnumConstants()) {
                String name = ((Enum<?>) c).name().toLowerCase(Locale.ROOT).replace('_', '-');
                names.add(name);
                if (name.equals(s)) {
                    return c;
                }
            }
            throw new IllegalArgumentException("config key '" + path + "' must be one of " + names + ", got '" + s + "'"
                    + Suggest.hint(s, names));
        }
        if (raw == List.class) {
            List<?> list = (List<?>) expect(v, List.class, "a list", path);
            Type element = ((ParameterizedType) type).getActualTypeArguments()[0];
            List<Object> out = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                out.add(convert(list.get(i), element, path + "[" + i + "]"));
            }
            return List.copyOf(out);
        }
        if (raw == Map.class) {
            return Map.copyOf((Map) expect(v, Map.class, "a map", path));
        }
        if (raw == Object.class) {
            return v;
        }
        throw new IllegalStateException("config key '" + path + "': records cannot bind components of type " + type);
    }

    private static Object expect(Object v, Class<?> type, String what, String path) {
        if (type.isInstance(v) && !(type == Number.class && v instanceof Boolean)) {
            return v;
        }
        throw wrong(path, what, v);
    }

    private static IllegalArgumentException wrong(String path, String what, Object v) {
        return new IllegalArgumentException("config key '" + path + "' must be " + what + ", got '" + v + "'");
    }
}
