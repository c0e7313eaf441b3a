package io.distillery.engine.nn;

import io.distillery.api.nn.AbstractModule;
import io.distillery.api.tensor.Tensor;

/** The parameter-free layers that only reshape or average: flatten and global average pooling. */
final class Shaping extends AbstractModule {
    private final boolean average;

    private Shaping(boolean average) {
        this.average = average;
    }

    static Shaping flatten() {
        return new Shaping(false);
    }

    static Shaping globalAvgPool() {
        return new Shaping(true);
    }

    @Override
    protected Tensor compute(Tensor input) {
        if (input.rank() < 2) {
            throw new IllegalArgumentException(describe() + " needs [batch, ...], got " + input.shape());
        }
        if (!average) {
            return input.flatten(1);
        }
        if (input.rank() < 3) {
            throw new IllegalArgumentException(describe() + " needs [batch, channels, ...spatial], got " + input.shape());
        }
        return input.reshape(input.dim(0), input.dim(1), -1).mean(2, false);
    }

    @Override
    public String describe() {
        return average ? "GlobalAvgPool" : "Flatten";
    }
}
