package io.distillery.engine.nn;

import io.distillery.api.nn.AbstractModule;
import io.distillery.api.tensor.Activation;
import io.distillery.api.tensor.Tensor;
import io.distillery.engine.core.EngineTensor;
import io.distillery.engine.ops.Elementwise;

/** An element-wise activation as a layer. */
final class ActivationLayer extends AbstractModule {
    private final Activation activation;
    private final float slope;

    ActivationLayer(Activation activation, float slope) {
        this.activation = activation;
        this.slope = slope;
    }

    @Override
    protected Tensor compute(Tensor input) {
        return activation == Activation.IDENTITY ? input : Elementwise.activation(EngineTensor.of(input), activation, slope);
    }

    @Override
    public String describe() {
        return activation == Activation.LEAKY_RELU ? "LeakyReLU(" + slope + ")" : "Activation(" + Names.of(activation) + ")";
    }
}
