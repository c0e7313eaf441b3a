package io.distillery.api.tensor;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A tensor that outlives training steps: a model weight, or saved state such as batch-norm running
 * statistics.
 *
 * <p>Parameters belong to no {@link Scope}. Their gradient accumulates over {@link Tensor#backward()} calls
 * until {@link #zeroGrad()}. When the engine moves to another backend, it moves every live parameter with it.
 * Implemented by the engine; made with {@link Tensors#parameter(TensorData, boolean)}.
 */
@ProviderType
public interface Parameter extends Tensor {

    /** @return whether optimizers update this parameter and gradients flow into it */
    boolean trainable();

    /**
     * Freezes or unfreezes the parameter, as staged training (FitNets, feature distillation) needs.
     *
     * @param trainable whether gradients flow into it
     */
    void setTrainable(boolean trainable);

    /**
     * Overwrites the values in place.
     *
     * @param values new values of this parameter's shape
     * @throws IllegalArgumentException if the shape differs, naming both shapes
     */
    void assign(TensorData values);

    /** Drops the accumulated gradient. */
    void zeroGrad();

    /** Releases the parameter's memory; using it afterwards fails with a clear error. */
    void release();
}
