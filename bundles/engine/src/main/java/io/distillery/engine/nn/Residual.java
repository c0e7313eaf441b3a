package io.distillery.engine.nn;

import io.distillery.api.nn.AbstractModule;
import io.distillery.api.nn.Module;
import io.distillery.api.tensor.Activation;
import io.distillery.api.tensor.Tensor;
import io.distillery.engine.core.EngineTensor;
import io.distillery.engine.ops.Elementwise;

/** A residual block {@code y = act(body(x) + shortcut(x))} with an identity shortcut when none is given. */
final class Residual extends AbstractModule {
    private final Module body;
    private final Module shortcut;
    private final Activation activation;

    Residual(Module body, Module shortcut, Activation activation) {
        this.body = child("body", body);
        this.shortcut = shortcut == null ? null : child("shortcut", shortcut);
        this.activation = activation;
    }

    @Override
    protected Tensor compute(Tensor input) {
        Tensor main = body.forward(input);
        Tensor skip = shortcut == null ? input : shortcut.forward(input);
        if (!main.shape().equals(skip.shape())) {
            throw new IllegalArgumentException("residual block: body output " + main.shape() + " differs from shortcut "
                    + skip.shape() + "; give a projection shortcut");
        }
        Tensor sum = main.add(skip);
        return activation == Activation.IDENTITY ? sum : Elementwise.activation(EngineTensor.of(sum), activation, 0f);
    }

    @Override
    public String describe() {
        return "Residual(" + (shortcut == null ? "identity" : "projection") + ", " + Names.of(activation) + ")";
    }
}
