package io.distillery.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.distillery.api.nn.ConvOptions;
import io.distillery.api.nn.Init;
import io.distillery.api.nn.Module;
import io.distillery.api.tensor.Activation;
import io.distillery.api.tensor.Scope;
import io.distillery.api.tensor.SeededRandom;
import io.distillery.api.tensor.Shape;
import io.distillery.api.tensor.Tensor;
import io.distillery.api.tensor.TensorData;

import org.junit.jupiter.api.Test;

/** Module paths, taps, modes, state dictionaries and initialisation. */
class ModuleTest {
    private final TestEngine e = new TestEngine();

    private Module convnet() {
        return e.layers.sequential()
                .add("features", e.layers.sequential()
                        .add("conv", e.layers.conv2d(1, 4, 3, ConvOptions.DEFAULT.withActivation(Activation.RELU)))
                        .add("bn", e.layers.batchNorm2d(4))
                        .add("pool", e.layers.maxPool2d(2, 2, 0)))
                .add("flat", e.layers.flatten())
                .add("drop", e.layers.dropout(0.5))
                .add("head", e.layers.linear(16, 3));
    }

    @Test
    void pathsReachEveryLayerAndNameEveryParameter() {
        Module m = convnet();
        assertEquals(List.of("", "features", "features.conv", "features.bn", "features.pool", "flat", "drop", "head"),
                new ArrayList<>(m.namedModules().keySet()));
        assertEquals(List.of("features.conv.weight", "features.conv.bias", "features.bn.weight", "features.bn.bias",
                "head.weight", "head.bias"), new ArrayList<>(m.namedParameters().keySet()));
        assertEquals(List.of("features.bn.running_mean", "features.bn.running_var"), new ArrayList<>(m.namedBuffers().keySet()));
        assertSame(m.children().get("features").children().get("bn"), m.module("features.bn"));
    }

    @Test
    void aMissingPathNamesTheSegmentAndTheChildrenThatExist() {
        var ex = assertThrows(IllegalArgumentException.class, () -> convnet().module("features.norm"));
        assertTrue(ex.getMessage().contains("'norm'") && ex.getMessage().contains("'features'")
                && ex.getMessage().contains("[conv, bn, pool]"), ex.getMessage());
    }

    @Test
    void namesWithDotsOrDuplicatesAreRefused() {
        var seq = e.layers.sequential().add("a", e.layers.flatten());
        assertThrows(IllegalArgumentException.class, () -> seq.add("a", e.layers.flatten()));
        assertThrows(IllegalArgumentException.class, () -> seq.add("b.c", e.layers.flatten()));
    }

    @Test
    void tapsSeeIntermediateOutputs() throws Exception {
        Module m = convnet();
        List<Shape> seen = new ArrayList<>();
        try (AutoCloseable tap = m.module("features.pool").addForwardHook((mod, in, out) -> seen.add(out.shape()));
                Scope s = e.tensors.scope()) {
            m.forward(e.tensors.zeros(Shape.of(2, 1, 6, 6)));
        }
        assertEquals(List.of(Shape.of(2, 4, 2, 2)), seen);
        try (Scope s = e.tensors.scope()) {
            m.forward(e.tensors.zeros(Shape.of(2, 1, 6, 6)));
        }
        assertEquals(1, seen.size(), "a closed tap sees nothing more");
    }

    @Test
    void evaluationModeReachesEveryDescendantAndDisablesDropout() {
        Module m = convnet();
        m.setTraining(false);
        assertFalse(m.module("features.bn").isTraining());
        try (Scope s = e.tensors.scope()) {
            Tensor x = e.tensors.randn(Shape.of(2, 1, 6, 6), new SeededRandom(3));
            float[] a = m.forward(x).toArray();
            float[] b = m.forward(x).toArray();
            assertArrayEquals(a, b);
        }
    }

    @Test
    void stateDictRoundTripsAndRejectsMismatches() {
        Module a = convnet();
        Module b = e.layers.withRandom(new SeededRandom(99)).sequential()
                .add("features", e.layers.sequential()
                        .add("conv", e.layers.withRandom(new SeededRandom(5)).conv2d(1, 4, 3, ConvOptions.DEFAULT))
                        .add("bn", e.layers.batchNorm2d(4))
                        .add("pool", e.layers.maxPool2d(2, 2, 0)))
                .add("flat", e.layers.flatten())
                .add("drop", e.layers.dropout(0.5))
                .add("head", e.layers.withRandom(new SeededRandom(6)).linear(16, 3));
        assertNotEquals(a.stateDict(), b.stateDict());
        b.loadStateDict(a.stateDict());
        assertEquals(a.stateDict(), b.stateDict());

        Map<String, TensorData> missing = new LinkedHashMap<>(a.stateDict());
        missing.remove("head.bias");
        missing.put("head.extra", new TensorData(Shape.of(1), new float[1]));
        var ex = assertThrows(IllegalArgumentException.class, () -> b.loadStateDict(missing));
        assertTrue(ex.getMessage().contains("head.bias") && ex.getMessage().contains("head.extra"), ex.getMessage());

        Map<String, TensorData> wrong = new LinkedHashMap<>(a.stateDict());
        wrong.put("head.bias", new TensorData(Shape.of(4), new float[4]));
        var shape = assertThrows(IllegalArgumentException.class, () -> b.loadStateDict(wrong));
        assertTrue(shape.getMessage().contains("head.bias") && shape.getMessage().contains("[4]"), shape.getMessage());
    }

    @Test
    void sameSeedSameWeights() {
        Module a = e.layers.withRandom(new SeededRandom(42)).linear(30, 20);
        Module b = e.layers.withRandom(new SeededRandom(42)).linear(30, 20);
        assertEquals(a.stateDict(), b.stateDict());
    }

    @Test
    void initialisationsHaveTheirStatedSpread() {
        int in = 400;
        int out = 300;
        assertEquals(Math.sqrt(2.0 / in), std(Init.KAIMING_NORMAL, in, out), 0.05 * Math.sqrt(2.0 / in));
        assertEquals(Math.sqrt(6.0 / in) / Math.sqrt(3), std(Init.KAIMING_UNIFORM, in, out), 0.05 * Math.sqrt(2.0 / in));
        assertEquals(Math.sqrt(2.0 / (in + out)), std(Init.XAVIER_NORMAL, in, out), 0.05 * Math.sqrt(2.0 / (in + out)));
        assertEquals(Math.sqrt(2.0 / (in + out)), std(Init.XAVIER_UNIFORM, in, out), 0.05 * Math.sqrt(2.0 / (in + out)));
        assertEquals(1 / Math.sqrt(3.0 * in), std(Init.FAN_IN_UNIFORM, in, out), 0.05 / Math.sqrt(3.0 * in));
    }

    private double std(Init init, int in, int out) {
        float[] w = e.layers.withInit(init).withRandom(new SeededRandom(1)).linear(in, out).stateDict().get("weight").values();
        double sum = 0;
        double sq = 0;
        for (float v : w) {
            sum += v;
            sq += v * v;
        }
        double mean = sum / w.length;
        return Math.sqrt(sq / w.length - mean * mean);
    }

    @Test
    void denseAndConvolutionLayersCountTheirMultiplyAccumulates() {
        assertEquals(4L * 800 * 784, e.layers.linear(784, 800).macs(Shape.of(4, 784), Shape.of(4, 800)));
        Module conv = e.layers.conv2d(4, 6, 3, ConvOptions.DEFAULT.withGroups(2));
        assertEquals(2L * 6 * 8 * 8 * (2 * 3 * 3), conv.macs(Shape.of(2, 4, 10, 10), Shape.of(2, 6, 8, 8)));
        assertEquals(0, e.layers.flatten().macs(Shape.of(2, 3), Shape.of(2, 3)));
    }

    @Test
    void describeNamesTheLayer() {
        assertEquals("Linear(784 -> 800, relu)", e.layers.linear(784, 800, Activation.RELU).describe());
        assertEquals("Conv2d(3 -> 16, kernel 3, stride 1, padding 1)",
                e.layers.conv2d(3, 16, 3, ConvOptions.DEFAULT.withPadding(1)).describe());
    }
}
