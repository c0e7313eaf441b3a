package io.distillery.engine.nn;

import java.util.random.RandomGenerator;

import io.distillery.api.nn.Init;
import io.distillery.api.tensor.Shape;
import io.distillery.api.tensor.TensorData;

/** Draws initial weights and biases for dense and convolution layers, following {@link Init}. */
final class Initializer {
    private Initializer() {
    }

    /**
     * @param init the scheme
     * @param shape {@code [out, in, ...kernel]}
     * @param random the generator
     * @return the weights
     */
    static TensorData weights(Init init, Shape shape, RandomGenerator random) {
        int receptive = shape.sizeBetween(2, shape.rank());
        double fanIn = (double) shape.dim(1) * receptive;
        double fanOut = (double) shape.dim(0) * receptive;
        float[] v = new float[shape.size()];
        switch (init) {
            case FAN_IN_UNIFORM -> uniform(v, 1 / Math.sqrt(fanIn), random);
            case KAIMING_UNIFORM -> uniform(v, Math.sqrt(6 / fanIn), random);
            case KAIMING_NORMAL -> normal(v, Math.sqrt(2 / fanIn), random);
            case XAVIER_UNIFORM -> uniform(v, Math.sqrt(6 / (fanIn + fanOut)), random);
            case XAVIER_NORMAL -> normal(v, Math.sqrt(2 / (fanIn + fanOut)), random);
        }
        return new TensorData(shape, v);
    }

    /**
     * @param init the scheme
     * @param out the number of biases
     * @param fanIn inputs per output unit
     * @param random the generator
     * @return the biases: uniform for {@link Init#FAN_IN_UNIFORM}, zeros otherwise
     */
    static TensorData biases(Init init, int out, int fanIn, RandomGenerator random) {
        float[] v = new float[out];
        if (init == Init.FAN_IN_UNIFORM) {
            uniform(v, 1 / Math.sqrt(fanIn), random);
        }
        return new TensorData(Shape.of(out), v);
    }

    private static void uniform(float[] v, double bound, RandomGenerator random) {
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) ((random.nextDouble() * 2 - 1) * bound);
        }
    }

    private static void normal(float[] v, double std, RandomGenerator random) {
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (random.nextGaussian() * std);
        }
    }
}
