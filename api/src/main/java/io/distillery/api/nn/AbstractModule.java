package io.distillery.api.nn;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

import io.distillery.api.tensor.Parameter;
import io.distillery.api.tensor.Tensor;

/**
 * The base of every module: registers named children, parameters and buffers, propagates the training
 * mode, and runs forward hooks around {@link #compute(Tensor)}.
 *
 * <pre>{@code
 * final class Mlp extends AbstractModule {
 *     private final Module hidden, out;
 *     Mlp(Layers layers) {
 *         hidden = child("hidden", layers.linear(784, 100, Activation.RELU));
 *         out = child("out", layers.linear(100, 10));
 *     }
 *     protected Tensor compute(Tensor x) { return out.forward(hidden.forward(x)); }
 *     public String describe() { return "Mlp(784-100-10)"; }
 * }
 * }</pre>
 *
 * Names must be non-empty, unique within the module, and free of dots. Extended by the engine's layers and
 * by model bundles.
 */
public abstract class AbstractModule implements Module {
    private final Map<String, Module> children = new LinkedHashMap<>();
    private final Map<String, Parameter> parameters = new LinkedHashMap<>();
    private final Map<String, Parameter> buffers = new LinkedHashMap<>();
    private final List<ForwardHook> hooks = new CopyOnWriteArrayList<>();
    private boolean training = true;

    /**
     * Computes the output; called by {@link #forward(Tensor)}, which then runs the hooks.
     *
     * @param input the input batch
     * @return the output
     */
    protected abstract Tensor compute(Tensor input);

    @Override
    public final Tensor forward(Tensor input) {
        Tensor output = compute(input);
        for (ForwardHook hook : hooks) {
            hook.afterForward(this, input, output);
        }
        return output;
    }

    /**
     * Registers a sub-module.
     *
     * @param <M> its type
     * @param name its name within this module
     * @param module the sub-module
     * @return the sub-module
     */
    protected final <M extends Module> M child(String name, M module) {
        checkName(name);
        children.put(name, Objects.requireNonNull(module, "module"));
        return module;
    }

    /**
     * Registers a trainable parameter.
     *
     * @param name its name within this module
     * @param parameter the parameter
     * @return the parameter
     */
    protected final Parameter parameter(String name, Parameter parameter) {
        checkName(name);
        parameters.put(name, Objects.requireNonNull(parameter, "parameter"));
        return parameter;
    }

    /**
     * Registers saved, untrained state.
     *
     * @param name its name within this module
     * @param buffer the state
     * @return the state
     */
    protected final Parameter buffer(String name, Parameter buffer) {
        checkName(name);
        buffers.put(name, Objects.requireNonNull(buffer, "buffer"));
        return buffer;
    }

    private void checkName(String name) {
        if (name == null || name.isEmpty() || name.contains(".")) {
            throw new IllegalArgumentException("module member name must be non-empty and free of dots: '" + name + "'");
        }
        if (children.containsKey(name) || parameters.containsKey(name) || buffers.containsKey(name)) {
            throw new IllegalArgumentException("'" + name + "' is already registered in " + getClass().getSimpleName());
        }
    }

    @Override
    public final Map<String, Module> children() {
        return Collections.unmodifiableMap(children);
    }

    @Override
    public final Map<String, Parameter> parameters() {
        return Collections.unmodifiableMap(parameters);
    }

    @Override
    public final Map<String, Parameter> buffers() {
        return Collections.unmodifiableMap(buffers);
    }

    @Override
    public void setTraining(boolean training) {
        this.training = training;
        for (Module c : children.values()) {
            c.setTraining(training);
        }
    }

    @Override
    public final boolean isTraining() {
        return training;
    }

    @Override
    public final AutoCloseable addForwardHook(ForwardHook hook) {
        Objects.requireNonNull(hook, "hook");
        hooks.add(hook);
        return () -> hooks.remove(hook);
    }

    @Override
    public String toString() {
        return describe();
    }
}
