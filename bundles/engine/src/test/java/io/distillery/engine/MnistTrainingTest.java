package io.distillery.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;

import io.distillery.api.nn.ConvOptions;
import io.distillery.api.nn.LearningRateSchedule;
import io.distillery.api.nn.Module;
import io.distillery.api.nn.Optimizer;
import io.distillery.api.nn.OptimizerSpec;
import io.distillery.api.nn.ScheduleSpec;
import io.distillery.api.tensor.Activation;
import io.distillery.api.tensor.Losses;
import io.distillery.api.tensor.Scope;
import io.distillery.api.tensor.SeededRandom;
import io.distillery.api.tensor.Shape;
import io.distillery.api.tensor.Tensor;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Trains real networks on the real MNIST for 3 epochs (SGD with momentum 0.9, batch 64, learning rate decayed
 * by 0.4 per epoch) and checks test accuracy: the engine and the JVM backend together, end to end.
 *
 * <p>{@code -Ddistillery.mnist.train=N} (at least 12,000) trains on the first N shuffled training examples instead
 * of all 60,000 for a faster run; the thresholds then drop to what this recipe reaches on 12,000 examples, less a
 * small margin (measured: MLP 96.8%, LeNet-5 97.7%; on all 60,000: 98.4% and 98.8%), so a subset run is still a
 * real check, only a weaker one.
 */
class MnistTrainingTest {
    private static final int EPOCHS = 3;
    private static final int BATCH = 64;
    private static final int SMALLEST_SUBSET = 12_000;
    private static Mnist train;
    private static Mnist test;
    private static int trainSize;
    private final TestEngine e = new TestEngine();

    @BeforeAll
    static void load() throws IOException {
        train = Mnist.train();
        test = Mnist.test();
        trainSize = Integer.getInteger("distillery.mnist.train", train.count);
        if (trainSize < SMALLEST_SUBSET) {
            throw new IllegalArgumentException("distillery.mnist.train must be at least " + SMALLEST_SUBSET + ", got " + trainSize);
        }
    }

    // full data: the bars; subsets: what the recipe reaches on the smallest subset, with a margin
    private static double threshold(double full, double subset) {
        return trainSize >= train.count ? full : subset;
    }

    @Test
    void mlp784x800x800Reaches97point5Percent() {
        SeededRandom random = new SeededRandom(1);
        Module mlp = e.layers.withRandom(random).sequential()
                .add("fc1", e.layers.linear(784, 800, Activation.RELU))
                .add("fc2", e.layers.linear(800, 800, Activation.RELU))
                .add("out", e.layers.linear(800, 10));
        double accuracy = trainAndTest(mlp, random, false, 0.05);
        assertTrue(accuracy >= threshold(0.975, 0.965), "MLP test accuracy " + accuracy);
    }

    @Test
    void lenet5Reaches98point5Percent() {
        SeededRandom random = new SeededRandom(2);
        ConvOptions relu = ConvOptions.DEFAULT.withActivation(Activation.RELU);
        Module lenet = e.layers.withRandom(random).sequential()
                .add("c1", e.layers.conv2d(1, 6, 5, relu.withPadding(2)))
                .add("s2", e.layers.maxPool2d(2, 2, 0))
                .add("c3", e.layers.conv2d(6, 16, 5, relu))
                .add("s4", e.layers.maxPool2d(2, 2, 0))
                .add("flat", e.layers.flatten())
                .add("f5", e.layers.linear(400, 120, Activation.RELU))
                .add("f6", e.layers.linear(120, 84, Activation.RELU))
                .add("out", e.layers.linear(84, 10));
        double accuracy = trainAndTest(lenet, random, true, 0.03);
        assertTrue(accuracy >= threshold(0.985, 0.975), "LeNet-5 test accuracy " + accuracy);
    }

    private double trainAndTest(Module model, SeededRandom random, boolean image, double learningRate) {
        int[] order = new int[train.count];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        float[] x = new float[BATCH * 784];
        float[] y = new float[BATCH];
        long start = System.nanoTime();
        LearningRateSchedule schedule = e.optimizers.schedule(ScheduleSpec.exponential(0.4), learningRate, EPOCHS);
        try (Optimizer opt = e.optimizers.create(OptimizerSpec.sgd(learningRate).withMomentum(0.9), model.namedParameters())) {
            for (int epoch = 0; epoch < EPOCHS; epoch++) {
                opt.setLearningRate(schedule.learningRate(epoch));
                shuffle(order, random);
                for (int from = 0; from + BATCH <= trainSize; from += BATCH) {
                    train.batch(order, from, BATCH, x, y);
                    try (Scope s = e.tensors.scope()) {
                        Tensor logits = model.forward(input(x, BATCH, image));
                        opt.zeroGrad();
                        Losses.crossEntropy(logits, e.tensors.of(Shape.of(BATCH), y)).backward();
                        opt.step();
                    }
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double accuracy = evaluate(model, image);
        System.out.printf("%s: %d examples x %d epochs in %.1f s, test accuracy %.4f (%d errors)%n",
                model.describe(), trainSize, EPOCHS, seconds, accuracy, Math.round((1 - accuracy) * test.count));
        return accuracy;
    }

    private double evaluate(Module model, boolean image) {
        model.setTraining(false);
        int[] order = new int[test.count];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        int batch = 500;
        float[] x = new float[batch * 784];
        float[] y = new float[batch];
        double correct = 0;
        for (int from = 0; from < test.count; from += batch) {
            test.batch(order, from, batch, x, y);
            try (Scope s = e.tensors.scope(); AutoCloseable off = e.tensors.noGrad()) {
                Tensor predicted = model.forward(input(x, batch, image)).argmax(-1);
                correct += predicted.eq(e.tensors.of(Shape.of(batch), y)).sum().item();
            } catch (Exception ex) {
                throw new IllegalStateException(ex);
            }
        }
        return correct / test.count;
    }

    private Tensor input(float[] x, int n, boolean image) {
        return e.tensors.of(image ? Shape.of(n, 1, 28, 28) : Shape.of(n, 784), x);
    }

    private static void shuffle(int[] order, SeededRandom random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }
}
