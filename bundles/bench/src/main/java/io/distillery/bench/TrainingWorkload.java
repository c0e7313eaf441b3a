package io.distillery.bench;

import io.distillery.api.nn.Layers;
import io.distillery.api.tensor.Activation;
import io.distillery.api.tensor.SeededRandom;

import java.util.Arrays;
import java.util.Optional;

/**
 * The training workloads of the PyTorch reference benchmark, layer for layer: every network starts from the same
 * seeded weights and trains on the same synthetic batch.
 */
enum TrainingWorkload {
    /** MLP 784-1200-1200-10 with ReLU, cross-entropy. */
    MLP("mlp") {
        @Override
        TrainingStep prepare(Kit kit, int batch) {
            return TrainingStep.supervised(kit, mlp(layers(kit), 1200), batch);
        }
    },
    /** Teacher 784-1200-1200-10, evaluated; student 784-800-800-10 trained with the KD loss at T=20, alpha=0.9. */
    KD("kd") {
        @Override
        TrainingStep prepare(Kit kit, int batch) {
            Layers layers = layers(kit);
            return TrainingStep.distilled(kit, mlp(layers, 1200), mlp(layers, 800), batch, 20, 0.9);
        }
    },
    /** LeNet-5 on 1x28x28: two 5x5 convolutions with ReLU and 2x2 max pooling, then 120-84-10. */
    LENET("lenet") {
        @Override
        TrainingStep prepare(Kit kit, int batch) {
            Net net = new Net(layers(kit), 1, 28, 28)
                    .conv("conv1", 6, 5, 0, Activation.RELU).maxPool("pool1", 2)
                    .conv("conv2", 16, 5, 0, Activation.RELU).maxPool("pool2", 2)
                    .flatten("flatten")
                    .dense("fc1", 120, Activation.RELU)
                    .dense("fc2", 84, Activation.RELU)
                    .dense("out", 10, Activation.IDENTITY);
            return TrainingStep.supervised(kit, net, batch);
        }
    },
    /** On 3x32x32: three blocks of 3x3 convolution (padding 1), batch norm, ReLU, 2x2 max pooling; then fc10. */
    CONV32("conv32") {
        @Override
        TrainingStep prepare(Kit kit, int batch) {
            Net net = new Net(layers(kit), 3, 32, 32);
            int block = 0;
            for (int channels : new int[] {32, 64, 128}) {
                block++;
                net.conv("conv" + block, channels, 3, 1, Activation.IDENTITY).batchNorm("bn" + block)
                        .relu("relu" + block).maxPool("pool" + block, 2);
            }
            return TrainingStep.supervised(kit, net.flatten("flatten").dense("out", 10, Activation.IDENTITY), batch);
        }
    };

    /** Every workload's weights come from this seed. */
    private static final long WEIGHT_SEED = 0;

    private final String id;

    TrainingWorkload(String id) {
        this.id = id;
    }

    /** @return the name used in requests and results, such as {@code mlp} */
    String id() {
        return id;
    }

    /**
     * Builds the networks, the batch and the optimizer.
     *
     * @param kit the engine services
     * @param batch the batch size
     * @return the step, to close when done
     */
    abstract TrainingStep prepare(Kit kit, int batch);

    /**
     * @param id a workload name
     * @return the workload of that name, if there is one
     */
    static Optional<TrainingWorkload> byId(String id) {
        return Arrays.stream(values()).filter(w -> w.id.equals(id)).findFirst();
    }

    private static Layers layers(Kit kit) {
        return kit.layers().withRandom(new SeededRandom(WEIGHT_SEED));
    }

    private static Net mlp(Layers layers, int hidden) {
        return new Net(layers, 784)
                .dense("fc1", hidden, Activation.RELU)
                .dense("fc2", hidden, Activation.RELU)
                .dense("out", 10, Activation.IDENTITY);
    }
}
