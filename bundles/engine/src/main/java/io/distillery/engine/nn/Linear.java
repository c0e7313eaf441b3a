package io.distillery.engine.nn;

import io.distillery.api.nn.AbstractModule;
import io.distillery.api.tensor.Activation;
import io.distillery.api.tensor.Shape;
import io.distillery.api.tensor.Tensor;
import io.distillery.engine.core.EngineParameter;
import io.distillery.engine.core.EngineTensor;
import io.distillery.engine.ops.Dense;

/** A dense layer {@code y = act(x W^T + b)}: parameters {@code weight [out, in]} and {@code bias [out]}. */
final class Linear extends AbstractModule {
    private final EngineParameter weight;
    private final EngineParameter bias;
    private final Activation activation;

    Linear(EngineParameter weight, EngineParameter bias, Activation activation) {
        this.weight = (EngineParameter) parameter("weight", weight);
        this.bias = bias == null ? null : (EngineParameter) parameter("bias", bias);
        this.activation = activation;
    }

    @Override
    protected Tensor compute(Tensor input) {
        return Dense.linear(EngineTensor.of(input), weight, bias, activation, 0f);
    }

    @Override
    public long macs(Shape input, Shape output) {
        return (long) output.size() * weight.shape().dim(1);
    }

    @Override
    public String describe() {
        return "Linear(" + weight.shape().dim(1) + " -> " + weight.shape().dim(0)
                + (activation == Activation.IDENTITY ? "" : ", " + Names.of(activation)) + ")";
    }
}
