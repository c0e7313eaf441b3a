package io.distillery.engine.core;

import io.distillery.api.backend.BinaryOp;
import io.distillery.api.tensor.Parameter;
import io.distillery.api.tensor.Shape;
import io.distillery.api.tensor.Tensor;
import io.distillery.api.tensor.TensorData;

/**
 * A persistent tensor with a persistent gradient buffer. The gradient buffer is allocated on first use and
 * kept; {@link #zeroGrad()} only marks it stale, so the next accumulation overwrites instead of adding and no
 * pass is spent on zeroing. A backward rule that computes a weight gradient (a gemm) may write it straight into
 * that buffer ({@link #claimGradTarget()}), which saves copying it there afterwards.
 */
public final class EngineParameter extends EngineTensor implements Parameter {
    private Storage grad;
    private boolean gradValid;
    private boolean gradClaimed;
    private boolean trainable;

    private EngineParameter(Engine engine, Shape shape, Storage storage, boolean trainable) {
        super(engine, shape, storage);
        this.trainable = trainable;
    }

    /**
     * @param engine the engine
     * @param initial shape and initial values
     * @param trainable whether it is trained
     * @return a new parameter
     */
    public static EngineParameter create(Engine engine, TensorData initial, boolean trainable) {
        Storage s = engine.allocatePersistent(initial.shape().size());
        EngineParameter p = new EngineParameter(engine, initial.shape(), s, trainable);
        p.assign(initial);
        return p;
    }

    @Override
    public boolean requiresGrad() {
        return trainable;
    }

    @Override
    public boolean trainable() {
        return trainable;
    }

    @Override
    public void setTrainable(boolean trainable) {
        this.trainable = trainable;
    }

    @Override
    public void assign(TensorData values) {
        if (!values.shape().equals(shape())) {
            throw new IllegalArgumentException("assign: values of shape " + values.shape()
                    + " do not fit parameter of shape " + shape());
        }
        engine().write(storage(), values.values());
    }

    @Override
    public Tensor grad() {
        return gradValid ? gradTensor() : null;
    }

    /** @return the gradient as an engine tensor over the persistent buffer, or {@code null} if stale */
    public EngineTensor gradTensor() {
        if (!gradValid) {
            return null;
        }
        return new EngineTensor(engine(), shape(), grad);
    }

    /** @return the gradient's storage, or {@code null} if there is no valid gradient */
    public Storage gradStorage() {
        return gradValid ? grad : null;
    }

    /**
     * Lends the gradient buffer to the first backward rule of a pass that computes this parameter's gradient, when
     * the buffer holds no value to keep.
     *
     * @return a tensor over the gradient buffer to overwrite, or {@code null} if the rule must use its own
     */
    public EngineTensor claimGradTarget() {
        if (gradValid || gradClaimed || !trainable) {
            return null;
        }
        if (grad == null) {
            grad = engine().allocatePersistent(size());
        }
        gradClaimed = true;
        return new EngineTensor(engine(), shape(), grad);
    }

    void accumulateGrad(EngineTensor g) {
        boolean claimed = gradClaimed;
        gradClaimed = false;
        if (claimed && g.storage() == grad) {
            // the only contribution was written in place
            gradValid = true;
            return;
        }
        int[] dims = {size()};
        if (grad == null) {
            grad = engine().allocatePersistent(size());
        }
        if (gradValid) {
            backend().binary(BinaryOp.ADD, grad.buffer(this), dims, g.buffer(), dims, grad.buffer(this), dims);
        } else {
            backend().copy(g.buffer(), 0, new long[] {1}, grad.buffer(this), 0, new long[] {1}, dims);
            gradValid = true;
        }
    }

    @Override
    public void zeroGrad() {
        gradValid = false;
        gradClaimed = false;
    }

    @Override
    public void release() {
        engine().release(storage());
        if (grad != null) {
            engine().release(grad);
            grad = null;
        }
        gradValid = false;
        gradClaimed = false;
    }

    @Override
    public String toString() {
        return "parameter" + shape();
    }
}
