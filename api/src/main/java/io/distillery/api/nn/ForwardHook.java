package io.distillery.api.nn;

import io.distillery.api.tensor.Tensor;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Called after a module computes its output: how taps read intermediate features.
 * Implemented by whoever taps a module (the engine's taps, strategies).
 */
@ConsumerType
@FunctionalInterface
public interface ForwardHook {

    /**
     * @param module the module that ran
     * @param input its input
     * @param output its output, which the hook must not modify
     */
    void afterForward(Module module, Tensor input, Tensor output);
}
