package io.distillery.models;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;

import io.distillery.api.nn.Module;
import io.distillery.api.nn.Optimizer;
import io.distillery.api.nn.OptimizerSpec;
import io.distillery.api.tensor.Losses;
import io.distillery.api.tensor.Scope;
import io.distillery.api.tensor.SeededRandom;
import io.distillery.api.tensor.Shape;
import io.distillery.api.tensor.Tensor;
import io.distillery.engine.optim.StandardOptimizers;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every family can learn: a small model of each fits one batch of random inputs with random labels, its loss
 * falling by a large factor in a few dozen Adam steps. Seeded throughout, so the outcome never varies.
 */
class LearningTest {
    private static final int BATCH = 8;
    private static final int CLASSES = 4;
    private static final int STEPS = 30;
    private static final double FACTOR = 100;
    private final Zoo zoo = new Zoo();

    static Stream<SmallModel> families() {
        return SmallModel.withoutDropout().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("families")
    @SuppressWarnings("try") // the scope only bounds the lifetime of the tensors made inside
    void aSmallModelFitsABatch(SmallModel m) {
        Module model = Zoo.create(m.name(), m.options(), m.input(), CLASSES, zoo.layers.withRandom(new SeededRandom(11)));
        Shape batch = Zoo.batch(BATCH, m.input());
        float[] x = new float[batch.size()];
        SeededRandom random = new SeededRandom(12);
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) random.nextGaussian();
        }
        float[] y = new float[BATCH];
        for (int i = 0; i < BATCH; i++) {
            y[i] = random.nextInt(CLASSES);
        }
        double first = Double.NaN;
        double last = Double.NaN;
        try (Optimizer opt = new StandardOptimizers().create(OptimizerSpec.adam(0.01), model.namedParameters())) {
            for (int step = 0; step < STEPS; step++) {
                try (Scope s = zoo.tensors.scope()) {
                    Tensor loss = Losses.crossEntropy(model.forward(zoo.tensors.of(batch, x)),
                            zoo.tensors.of(Shape.of(BATCH), y));
                    opt.zeroGrad();
                    loss.backward();
                    opt.step();
                    last = loss.item();
                    first = step == 0 ? last : first;
                }
            }
        }
        System.out.printf("%s: loss %.4f -> %.4f in %d steps%n", model.describe(), first, last, STEPS);
        assertTrue(last < first / FACTOR, m + ": loss " + first + " -> " + last);
    }
}
