package io.distillery.engine.nn;

import java.util.random.RandomGenerator;

import io.distillery.api.nn.AbstractModule;
import io.distillery.api.tensor.Tensor;
import io.distillery.engine.core.EngineTensor;
import io.distillery.engine.ops.Dropout;

/** Dropout in training mode, identity in evaluation mode; masks come from the layer's generator. */
final class DropoutLayer extends AbstractModule {
    private final double p;
    private final RandomGenerator random;

    DropoutLayer(double p, RandomGenerator random) {
        if (!(p >= 0 && p < 1)) {
            throw new IllegalArgumentException("dropout probability must be in [0, 1), got " + p);
        }
        this.p = p;
        this.random = random;
    }

    @Override
    protected Tensor compute(Tensor input) {
        return isTraining() ? Dropout.dropout(EngineTensor.of(input), p, random) : input;
    }

    @Override
    public String describe() {
        return "Dropout(" + p + ")";
    }
}
