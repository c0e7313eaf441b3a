package io.distillery.runner.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.distillery.api.run.RunSpec;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads experiment configs: YAML (plain data only: no tags, no objects), {@code key.path=value} overrides on top,
 * then the {@linkplain ExperimentSchema schema}'s checks and defaults. Writes resolved configs back as YAML.
 */
public final class ConfigLoader {
    private ConfigLoader() {
    }

    /**
     * @param file the YAML file
     * @param overrides {@code key.path=value} settings, values in YAML syntax
     * @return the resolved config
     * @throws IOException if the file cannot be read
     * @throws IllegalArgumentException naming the file and the problem
     */
    public static RunSpec load(Path file, List<String> overrides) throws IOException {
        Map<String, Object> tree;
        try (Reader in = Files.newBufferedReader(file)) {
            tree = parse(in, file.toString());
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("config file " + file + " does not exist", e);
        }
        try {
            return resolve(tree, overrides);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * @param tree a parsed config
     * @param overrides {@code key.path=value} settings
     * @return the resolved config
     */
    @SuppressWarnings("unchecked")
    public static RunSpec resolve(Map<String, Object> tree, List<String> overrides) {
        Map<String, Object> copy = deepCopy(tree);
        for (String o : overrides) {
            apply(copy, o);
        }
        return new RunSpec((Map<String, Object>) ExperimentSchema.ROOT.resolve(copy, ""));
    }

    private static Map<String, Object> parse(Reader in, String source) {
        Object root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        } catch (YAMLException e) {
            throw new IllegalArgumentException(source + " is not valid YAML: " + e.getMessage(), e);
        }
        if (!(root instanceof Map<?, ?>)) {
            throw new IllegalArgumentException(source + " must hold a map of settings, got "
                    + (root == null ? "nothing" : root.getClass().getSimpleName()));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) root;
        return map;
    }

    @SuppressWarnings("unchecked")
    private static void apply(Map<String, Object> tree, String override) {
        int eq = override.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException("override '" + override + "' is not of the form key.path=value");
        }
        String[] path = override.substring(0, eq).trim().split("\\.");
        Object value;
        try {
            value = new Yaml(new SafeConstructor(new LoaderOptions())).load(override.substring(eq + 1));
        } catch (YAMLException e) {
            throw new IllegalArgumentException("override '" + override + "' has an invalid value: " + e.getMessage(), e);
        }
        Map<String, Object> node = tree;
        for (int i = 0; i < path.length - 1; i++) {
            Object next = node.get(path[i]);
            if (next == null) {
                next = new LinkedHashMap<String, Object>();
                node.put(path[i], next);
            } else if (!(next instanceof Map)) {
                throw new IllegalArgumentException("override '" + override + "': '" + String.join(".", List.of(path).subList(0, i + 1))
                        + "' is not a map");
            }
            node = (Map<String, Object>) next;
        }
        node.put(path[path.length - 1], value);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> deepCopy(Map<String, Object> map) {
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(k, v instanceof Map<?, ?> m ? deepCopy((Map<String, Object>) m) : v));
        return out;
    }

    /**
     * @param spec a resolved config
     * @return it as block-style YAML, readable by {@link #load}
     */
    public static String dump(RunSpec spec) {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        return new Yaml(options).dump(spec.asMap());
    }
}
