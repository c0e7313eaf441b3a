package io.distillery.engine.ops;

import java.util.random.RandomGenerator;

import io.distillery.api.backend.BinaryOp;
import io.distillery.engine.core.EngineTensor;

/**
 * Inverted dropout (Srivastava et al. 2014): each element is zeroed with probability p and survivors are scaled
 * by {@code 1/(1-p)}. The mask is drawn on the host from the engine's generator, so one seed gives the same masks
 * on every backend.
 */
public final class Dropout {
    private Dropout() {
    }

    /**
     * @param x the input
     * @param p the drop probability, in {@code [0, 1)}
     * @param random the generator
     * @return the masked, rescaled tensor
     */
    public static EngineTensor dropout(EngineTensor x, double p, RandomGenerator random) {
        if (!(p >= 0 && p < 1)) {
            throw new IllegalArgumentException("dropout probability must be in [0, 1), got " + p);
        }
        if (p == 0) {
            return x;
        }
        float keep = (float) (1 / (1 - p));
        float[] mask = new float[x.size()];
        for (int i = 0; i < mask.length; i++) {
            mask[i] = random.nextDouble() < p ? 0f : keep;
        }
        return Arithmetic.binary(BinaryOp.MUL, x, x.engine().upload(x.shape(), mask));
    }
}
