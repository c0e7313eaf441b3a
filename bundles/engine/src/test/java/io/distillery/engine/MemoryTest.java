package io.distillery.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.distillery.api.nn.Module;
import io.distillery.api.nn.Optimizer;
import io.distillery.api.nn.OptimizerSpec;
import io.distillery.api.tensor.Activation;
import io.distillery.api.tensor.Losses;
import io.distillery.api.tensor.Scope;
import io.distillery.api.tensor.SeededRandom;
import io.distillery.api.tensor.Shape;
import io.distillery.api.tensor.Tensor;
import io.distillery.engine.core.Engine.MemoryStats;

import org.junit.jupiter.api.Test;

/** Memory stays flat: thousands of training steps leave no storage behind and the pool stops growing. */
class MemoryTest {
    private final TestEngine e = new TestEngine();

    @Test
    void thousandsOfStepsKeepMemoryFlat() {
        SeededRandom random = new SeededRandom(11);
        Module model = e.layers.withRandom(random).sequential()
                .add("hidden", e.layers.linear(20, 32, Activation.RELU))
                .add("drop", e.layers.dropout(0.2))
                .add("norm", e.layers.batchNorm1d(32))
                .add("out", e.layers.linear(32, 4));
        try (Optimizer opt = e.optimizers.create(OptimizerSpec.adam(1e-3), model.namedParameters())) {
            MemoryStats warm = null;
            for (int step = 0; step < 3000; step++) {
                try (Scope s = e.tensors.scope()) {
                    Tensor x = e.tensors.randn(Shape.of(16, 20), random);
                    Tensor y = e.tensors.of(Shape.of(16), labels(random));
                    opt.zeroGrad();
                    Losses.crossEntropy(model.forward(x), y).backward();
                    opt.step();
                }
                MemoryStats now = e.engine.memoryStats();
                assertEquals(0, now.scopedStorages(), "step " + step + " left scoped storages behind");
                if (step == 2) {
                    warm = now;
                } else if (step > 2) {
                    assertEquals(warm, now, "memory changed at step " + step);
                }
            }
        }
    }

    private static float[] labels(SeededRandom random) {
        float[] v = new float[16];
        for (int i = 0; i < v.length; i++) {
            v[i] = random.nextInt(4);
        }
        return v;
    }
}
