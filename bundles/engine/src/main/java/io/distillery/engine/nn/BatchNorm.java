package io.distillery.engine.nn;

import java.util.Arrays;

import io.distillery.api.nn.AbstractModule;
import io.distillery.api.tensor.Shape;
import io.distillery.api.tensor.Tensor;
import io.distillery.api.tensor.TensorData;
import io.distillery.engine.core.Engine;
import io.distillery.engine.core.EngineParameter;
import io.distillery.engine.core.EngineTensor;
import io.distillery.engine.ops.Normalization;

/**
 * Batch normalisation: parameters {@code weight} (scale) and {@code bias} (shift), buffers {@code running_mean}
 * and {@code running_var}, named as PyTorch names them so that checkpoints map one to one.
 */
final class BatchNorm extends AbstractModule {
    private final Normalization.State state;
    private final int spatialAxes;

    BatchNorm(Normalization.State state, int spatialAxes) {
        parameter("weight", state.gamma());
        parameter("bias", state.beta());
        buffer("running_mean", state.runningMean());
        buffer("running_var", state.runningVar());
        this.state = state;
        this.spatialAxes = spatialAxes;
    }

    @Override
    protected Tensor compute(Tensor input) {
        int rank = input.rank();
        boolean fits = spatialAxes == 2 ? rank == 4 : rank == 2 || rank == 3;
        if (!fits) {
            throw new IllegalArgumentException(describe() + " got input " + input.shape() + "; expected "
                    + (spatialAxes == 2 ? "[batch, channels, height, width]" : "[batch, features] or [batch, channels, length]"));
        }
        return Normalization.batchNorm(EngineTensor.of(input), state, isTraining());
    }

    @Override
    public String describe() {
        return "BatchNorm" + (spatialAxes == 2 ? "2d(" : "1d(") + state.gamma().size() + ")";
    }

    static BatchNorm create(Engine engine, int channels, int spatialAxes) {
        return new BatchNorm(new Normalization.State(
                param(engine, channels, 1f, true), param(engine, channels, 0f, true),
                param(engine, channels, 0f, false), param(engine, channels, 1f, false), 0.1, 1e-5), spatialAxes);
    }

    private static EngineParameter param(Engine engine, int n, float value, boolean trainable) {
        float[] v = new float[n];
        Arrays.fill(v, value);
        return EngineParameter.create(engine, new TensorData(Shape.of(n), v), trainable);
    }
}
