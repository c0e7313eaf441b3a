package io.distillery.engine.nn;

import java.util.Objects;
import java.util.random.RandomGenerator;

import io.distillery.api.backend.PoolOp;
import io.distillery.api.nn.ConvOptions;
import io.distillery.api.nn.Init;
import io.distillery.api.nn.Layers;
import io.distillery.api.nn.Module;
import io.distillery.api.nn.Sequential;
import io.distillery.api.tensor.Activation;
import io.distillery.api.tensor.SeededRandom;
import io.distillery.api.tensor.Shape;
import io.distillery.engine.core.Engine;
import io.distillery.api.tensor.Tensors;
import io.distillery.engine.core.EngineParameter;
import io.distillery.engine.core.EngineTensors;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The {@link Layers} service: the engine's standard layers, initialised from one generator. */
@Component(service = Layers.class)
public final class StandardLayers implements Layers {
    private final Engine engine;
    private final RandomGenerator random;
    private final Init init;

    /** @param tensors the engine's tensor service */
    @Activate
    public StandardLayers(@Reference Tensors tensors) {
        this(((EngineTensors) tensors).engine(), new SeededRandom(0), Init.FAN_IN_UNIFORM);
    }

    /**
     * The service over a given engine, outside a framework (tests, benchmarks). A factory rather than a second
     * one-argument constructor, which Declarative Services could not tell from the activation constructor.
     *
     * @param engine the engine whose backend holds the parameters
     * @return the service
     */
    public static StandardLayers on(Engine engine) {
        return new StandardLayers(engine, new SeededRandom(0), Init.FAN_IN_UNIFORM);
    }

    private StandardLayers(Engine engine, RandomGenerator random, Init init) {
        this.engine = engine;
        this.random = random;
        this.init = init;
    }

    @Override
    public Layers withRandom(RandomGenerator random) {
        return new StandardLayers(engine, Objects.requireNonNull(random, "random"), init);
    }

    @Override
    public Layers withInit(Init init) {
        return new StandardLayers(engine, random, Objects.requireNonNull(init, "init"));
    }

    @Override
    public Module linear(int in, int out) {
        return linear(in, out, Activation.IDENTITY);
    }

    @Override
    public Module linear(int in, int out, Activation activation) {
        positive("linear", in, out);
        Shape w = Shape.of(out, in);
        return new Linear(weight(w), bias(out, in), activation);
    }

    @Override
    public Module conv1d(int in, int out, int kernel, ConvOptions options) {
        return conv(in, out, Shape.of(out, in / options.groups(), kernel), options, false);
    }

    @Override
    public Module conv2d(int in, int out, int kernel, ConvOptions options) {
        return conv(in, out, Shape.of(out, in / options.groups(), kernel, kernel), options, true);
    }

    private Module conv(int in, int out, Shape w, ConvOptions options, boolean twoD) {
        positive("convolution", in, out);
        if (w.dim(-1) < 1 || in % options.groups() != 0 || out % options.groups() != 0) {
            throw new IllegalArgumentException("convolution " + in + " -> " + out + " with kernel " + w.dim(-1)
                    + " and groups " + options.groups() + ": channels must divide by groups and the kernel be positive");
        }
        return new Conv(weight(w), options.bias() ? bias(out, w.sizeBetween(1, w.rank())) : null, options, twoD);
    }

    @Override
    public Module batchNorm1d(int features) {
        positive("batch norm", features, features);
        return BatchNorm.create(engine, features, 1);
    }

    @Override
    public Module batchNorm2d(int channels) {
        positive("batch norm", channels, channels);
        return BatchNorm.create(engine, channels, 2);
    }

    @Override
    public Module dropout(double p) {
        return new DropoutLayer(p, random);
    }

    @Override
    public Module activation(Activation activation) {
        return new ActivationLayer(Objects.requireNonNull(activation, "activation"), 0f);
    }

    @Override
    public Module leakyRelu(double slope) {
        return new ActivationLayer(Activation.LEAKY_RELU, (float) slope);
    }

    @Override
    public Module maxPool1d(int kernel, int stride) {
        return new PoolLayer(PoolOp.MAX, kernel, stride, 0, false);
    }

    @Override
    public Module avgPool1d(int kernel, int stride) {
        return new PoolLayer(PoolOp.AVG, kernel, stride, 0, false);
    }

    @Override
    public Module maxPool2d(int kernel, int stride, int padding) {
        return new PoolLayer(PoolOp.MAX, kernel, stride, padding, true);
    }

    @Override
    public Module avgPool2d(int kernel, int stride, int padding) {
        return new PoolLayer(PoolOp.AVG, kernel, stride, padding, true);
    }

    @Override
    public Module globalAvgPool() {
        return Shaping.globalAvgPool();
    }

    @Override
    public Module flatten() {
        return Shaping.flatten();
    }

    @Override
    public Sequential sequential() {
        return new SequentialLayer();
    }

    @Override
    public Module residual(Module body, Module shortcut, Activation activation) {
        return new Residual(Objects.requireNonNull(body, "body"), shortcut, Objects.requireNonNull(activation, "activation"));
    }

    private EngineParameter weight(Shape shape) {
        return EngineParameter.create(engine, Initializer.weights(init, shape, random), true);
    }

    private EngineParameter bias(int out, int fanIn) {
        return EngineParameter.create(engine, Initializer.biases(init, out, fanIn, random), true);
    }

    private static void positive(String layer, int in, int out) {
        if (in < 1 || out < 1) {
            throw new IllegalArgumentException(layer + " sizes must be positive, got " + in + " -> " + out);
        }
    }
}
