package io.distillery.api.nn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.distillery.api.tensor.Parameter;
import io.distillery.api.tensor.Shape;
import io.distillery.api.tensor.TensorData;
import io.distillery.api.tensor.Tensor;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A differentiable function with named parameters and named sub-modules.
 *
 * <p>Names are chosen by the module's author and never contain a dot, so a dotted path such as
 * {@code features.3.conv} reaches exactly one descendant ({@link #module(String)}), and a parameter's full name
 * is its module's path plus its own name ({@code features.3.conv.weight}). State dictionaries use those full
 * names. Extend {@link AbstractModule} rather than implementing this interface directly: it keeps the
 * bookkeeping and runs {@link ForwardHook}s. Implemented by the engine's layers and by model bundles.
 */
@ConsumerType
public interface Module {

    /**
     * @param input the input batch
     * @return the output
     */
    Tensor forward(Tensor input);

    /** @return the direct sub-modules by name, in registration order */
    Map<String, Module> children();

    /** @return this module's own trainable parameters by name, without those of sub-modules */
    Map<String, Parameter> parameters();

    /** @return this module's own saved, untrained state (such as running statistics) by name */
    Map<String, Parameter> buffers();

    /**
     * Switches this module and all its descendants between training and evaluation behaviour (dropout,
     * batch-norm statistics).
     *
     * @param training {@code true} to train, {@code false} to evaluate
     */
    void setTraining(boolean training);

    /** @return whether the module is in training mode */
    boolean isTraining();

    /**
     * @param hook called after each forward pass of this module (not its descendants)
     * @return closing it removes the hook
     */
    AutoCloseable addForwardHook(ForwardHook hook);

    /** @return a one-line description such as {@code Linear(784 -> 800)} */
    String describe();

    /**
     * The multiply-accumulates this module performs itself for one forward pass, not counting its children:
     * what a compression report sums over a model. Layers that compute products (dense, convolution) override it.
     *
     * @param input the shape of the input of a forward pass
     * @param output the shape of its output
     * @return the multiply-accumulates of that pass, 0 by default
     */
    default long macs(Shape input, Shape output) {
        return 0;
    }

    /** @return this module ({@code ""}) and every descendant, by dotted path, parents before children */
    default Map<String, Module> namedModules() {
        Map<String, Module> out = new LinkedHashMap<>();
        collect("", this, out);
        return out;
    }

    private static void collect(String prefix, Module m, Map<String, Module> out) {
        out.put(prefix, m);
        for (Map.Entry<String, Module> c : m.children().entrySet()) {
            collect(prefix.isEmpty() ? c.getKey() : prefix + "." + c.getKey(), c.getValue(), out);
        }
    }

    /** @return every trainable parameter of this module and its descendants, by full dotted name */
    default Map<String, Parameter> namedParameters() {
        Map<String, Parameter> out = new LinkedHashMap<>();
        namedModules().forEach((path, m) -> m.parameters().forEach((n, p) -> out.put(join(path, n), p)));
        return out;
    }

    /** @return every buffer of this module and its descendants, by full dotted name */
    default Map<String, Parameter> namedBuffers() {
        Map<String, Parameter> out = new LinkedHashMap<>();
        namedModules().forEach((path, m) -> m.buffers().forEach((n, p) -> out.put(join(path, n), p)));
        return out;
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    /**
     * Walks a dotted path.
     *
     * @param path a dotted path; {@code ""} is this module
     * @return the descendant
     * @throws IllegalArgumentException naming the first missing segment and the children that exist there
     */
    default Module module(String path) {
        Objects.requireNonNull(path, "path");
        if (path.isEmpty()) {
            return this;
        }
        Module m = this;
        String walked = "";
        for (String segment : path.split("\\.", -1)) {
            Module next = m.children().get(segment);
            if (next == null) {
                throw new IllegalArgumentException("no module '" + segment + "' in "
                        + (walked.isEmpty() ? "the model" : "'" + walked + "'") + " (looking up '" + path
                        + "'); it has " + (m.children().isEmpty() ? "no children" : m.children().keySet()));
            }
            walked = join(walked, segment);
            m = next;
        }
        return m;
    }

    /** @return copies of every parameter and buffer by full dotted name: the form checkpoints store */
    default Map<String, TensorData> stateDict() {
        Map<String, TensorData> out = new LinkedHashMap<>();
        namedParameters().forEach((n, p) -> out.put(n, p.data()));
        namedBuffers().forEach((n, p) -> out.put(n, p.data()));
        return out;
    }

    /**
     * Overwrites every parameter and buffer from a state dictionary. Nothing is changed unless every name
     * and shape matches.
     *
     * @param state values by full dotted name, exactly the names {@link #stateDict()} returns
     * @throws IllegalArgumentException naming missing and unexpected entries, or the first shape mismatch
     */
    default void loadStateDict(Map<String, TensorData> state) {
        Map<String, Parameter> targets = new LinkedHashMap<>(namedParameters());
        targets.putAll(namedBuffers());
        List<String> missing = new ArrayList<>();
        for (String name : targets.keySet()) {
            if (!state.containsKey(name)) {
                missing.add(name);
            }
        }
        List<String> unexpected = new ArrayList<>();
        for (String name : state.keySet()) {
            if (!targets.containsKey(name)) {
                unexpected.add(name);
            }
        }
        if (!missing.isEmpty() || !unexpected.isEmpty()) {
            throw new IllegalArgumentException("state dictionary does not match the model: missing " + missing
                    + ", unexpected " + unexpected);
        }
        targets.forEach((name, p) -> {
            if (!p.shape().equals(state.get(name).shape())) {
                throw new IllegalArgumentException("state dictionary entry '" + name + "' has shape "
                        + state.get(name).shape() + " but the model's has " + p.shape());
            }
        });
        targets.forEach((name, p) -> p.assign(state.get(name)));
    }
}
