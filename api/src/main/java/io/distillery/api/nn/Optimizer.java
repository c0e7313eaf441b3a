package io.distillery.api.nn;

import java.util.Map;

import io.distillery.api.tensor.TensorData;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Updates a fixed set of parameters from their gradients. Made by {@link Optimizers#create}; implemented by
 * the engine. Its state (momentum, moments, step count) lives outside scopes, like the parameters, and moves
 * with them when the backend changes.
 */
@ProviderType
public interface Optimizer extends AutoCloseable {

    /** Applies one update from the parameters' current gradients; parameters without a gradient are skipped. */
    void step();

    /** Drops every parameter's gradient. */
    void zeroGrad();

    /** @return the learning rate the next step uses */
    double learningRate();

    /** @param learningRate the rate for the following steps, as schedules set it */
    void setLearningRate(double learningRate);

    /** @return the number of steps taken */
    long steps();

    /** @return copies of the optimizer's state by name: the form checkpoints store */
    Map<String, TensorData> stateDict();

    /**
     * @param state a map {@link #stateDict()} returned, for the same parameters
     * @throws IllegalArgumentException naming a missing entry or a shape mismatch
     */
    void loadStateDict(Map<String, TensorData> state);

    /** Releases the optimizer's state; the optimizer must not be used afterwards. */
    @Override
    void close();
}
