package io.distillery.engine;

import io.distillery.api.nn.ConvOptions;
import io.distillery.api.nn.Module;
import io.distillery.api.tensor.Activation;
import io.distillery.api.tensor.Losses;
import io.distillery.api.tensor.SeededRandom;
import io.distillery.api.tensor.Shape;
import io.distillery.api.tensor.TensorData;

import org.junit.jupiter.api.Test;

/** A finite-difference gradient check for every layer (input and parameters) and every loss. */
class LayerGradientTest {
    private final TestEngine e = new TestEngine();
    private long seed = 100;

    private GradientCheck check() {
        return new GradientCheck(e.tensors, seed++);
    }

    private GradientCheck check(Module m) {
        return new GradientCheck(e.tensors, seed++).alsoParameters(m.namedParameters().values());
    }

    private void layer(String name, Module m, int... inputDims) {
        check(m).input(inputDims).check(name, x -> m.forward(x.get(0)));
    }

    // inputs whose values are far enough apart that a finite-difference step cannot change which one is largest
    private void maxLayer(String name, Module m, int... inputDims) {
        check(m).inputDistinct(inputDims).step(1e-3).check(name, x -> m.forward(x.get(0)));
    }

    @Test
    void denseLayers() {
        layer("linear", e.layers.withRandom(new SeededRandom(1)).linear(5, 3), 4, 5);
        layer("linear on 3-d input", e.layers.linear(5, 3), 2, 3, 5);
        layer("linear + sigmoid", e.layers.linear(6, 4, Activation.SIGMOID), 3, 6);
        layer("linear + tanh", e.layers.linear(6, 4, Activation.TANH), 3, 6);
    }

    @Test
    void convolutions() {
        layer("conv2d", e.layers.conv2d(2, 3, 3, ConvOptions.DEFAULT), 2, 2, 6, 5);
        layer("conv2d stride padding", e.layers.conv2d(2, 4, 3, ConvOptions.DEFAULT.withStride(2).withPadding(1)), 1, 2, 7, 6);
        layer("conv2d dilation", e.layers.conv2d(1, 2, 2, ConvOptions.DEFAULT.withDilation(2)), 2, 1, 6, 6);
        layer("conv2d groups no bias", e.layers.conv2d(4, 6, 3, ConvOptions.DEFAULT.withGroups(2).withBias(false).withPadding(1)),
                2, 4, 5, 5);
        layer("conv2d + sigmoid", e.layers.conv2d(2, 2, 3, ConvOptions.DEFAULT.withActivation(Activation.SIGMOID)), 1, 2, 5, 5);
        layer("conv1d", e.layers.conv1d(3, 2, 3, ConvOptions.DEFAULT.withPadding(1).withStride(2)), 2, 3, 9);
        layer("conv1d dilation groups", e.layers.conv1d(4, 4, 2, ConvOptions.DEFAULT.withDilation(3).withGroups(4)), 2, 4, 10);
    }

    @Test
    void pooling() {
        maxLayer("max pool 2d", e.layers.maxPool2d(2, 2, 0), 2, 3, 6, 6);
        maxLayer("max pool 2d padded overlapping", e.layers.maxPool2d(3, 2, 1), 1, 2, 7, 7);
        layer("avg pool 2d", e.layers.avgPool2d(3, 2, 1), 2, 2, 6, 5);
        maxLayer("max pool 1d", e.layers.maxPool1d(3, 2), 2, 3, 9);
        layer("avg pool 1d", e.layers.avgPool1d(2, 2), 2, 3, 8);
        layer("global average pool", e.layers.globalAvgPool(), 2, 3, 4, 5);
        layer("flatten", e.layers.flatten(), 2, 3, 4);
    }

    @Test
    void normalizationAndDropout() {
        layer("batch norm 2d train", e.layers.batchNorm2d(3), 4, 3, 2, 2);
        layer("batch norm 1d train", e.layers.batchNorm1d(5), 6, 5);
        Module eval = e.layers.batchNorm1d(4);
        eval.setTraining(false);
        layer("batch norm 1d eval", eval, 3, 4, 2);
        // a fresh generator per call: every evaluation draws the same mask
        check().input(3, 8).check("dropout",
                x -> e.layers.withRandom(new SeededRandom(7)).dropout(0.4).forward(x.get(0)));
    }

    @Test
    void composites() {
        Module seq = e.layers.sequential()
                .add("conv", e.layers.conv2d(1, 2, 3, ConvOptions.DEFAULT.withPadding(1)))
                .add("act", e.layers.activation(Activation.TANH))
                .add("pool", e.layers.avgPool2d(2, 2, 0))
                .add("flat", e.layers.flatten())
                .add("out", e.layers.linear(8, 3));
        layer("sequential", seq, 2, 1, 4, 4);
        Module body = e.layers.sequential().add("a", e.layers.linear(4, 4, Activation.TANH)).add("b", e.layers.linear(4, 4));
        layer("residual identity", e.layers.residual(body, null, Activation.TANH), 3, 4);
        Module shared = e.layers.linear(4, 4, Activation.TANH);
        check(shared).input(3, 4).check("one layer used twice", x -> shared.forward(shared.forward(x.get(0))));
        layer("residual projection", e.layers.residual(e.layers.linear(4, 3), e.layers.linear(4, 3), Activation.SIGMOID), 3, 4);
    }

    @Test
    void losses() {
        TensorData labels = new TensorData(Shape.of(4), new float[] {2, 0, 4, 1});
        check().input(4, 5).check("cross entropy",
                x -> Losses.crossEntropy(x.get(0), e.tensors.of(labels)));
        check().input(4, 5).check("cross entropy smoothed",
                x -> Losses.crossEntropy(x.get(0), e.tensors.of(labels), 0.1));
        check().input(3, 4).input(new int[] {3, 4}, 0, 1).check("soft target cross entropy",
                x -> Losses.softTargetCrossEntropy(x.get(0), x.get(1).softmax(-1), 2.0));
        TensorData teacher = new TensorData(Shape.of(3, 6), new float[] {2, -1, 0.5f, 3, -2, 1, 0, 0, 1, -1, 2, 2.5f,
            -3, 1, 1, 0.2f, -0.4f, 0.9f});
        check().input(new int[] {3, 6}, -3, 3).check("soft target KL",
                x -> Losses.softTargetKl(x.get(0), e.tensors.of(teacher), 4.0));
        check().input(3, 4).input(3, 4).check("mse", x -> Losses.mse(x.get(0), x.get(1)));
        check().inputAwayFromZero(0.05, 3, 4).check("l1",
                x -> Losses.l1(x.get(0), e.tensors.zeros(Shape.of(3, 4))));
        check().input(2, 3).check("loss composition", x -> Losses.mse(x.get(0).exp(), x.get(0).mul(2))
                .add(Losses.crossEntropy(x.get(0), e.tensors.of(Shape.of(2), 1, 2)).mul(0.5)));
    }
}
