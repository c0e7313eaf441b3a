package io.distillery.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import io.distillery.api.nn.Module;
import io.distillery.api.tensor.Shape;

import org.junit.jupiter.api.Test;

/** Multiply-accumulates of one example, by a dry forward pass, against hand-computed and published figures. */
class MacsTest {
    private final Zoo zoo = new Zoo();

    @Test
    void mlpMacsAreItsWeightCount() throws Exception {
        Module mlp = zoo.create("mlp", Map.of("hidden", List.of(1200, 1200)), Shape.of(1, 28, 28), 10);
        assertEquals(784L * 1200 + 1200 * 1200 + 1200 * 10, zoo.macs(mlp, Shape.of(1, 28, 28)));
    }

    @Test
    void lenet5MacsMatchTheLayerTable() throws Exception {
        Shape mnist = Shape.of(1, 28, 28);
        // conv1 6x28x28 outputs of 1*5*5, conv2 16x10x10 of 6*5*5, then 400*120, 120*84, 84*10
        long padded = 6L * 28 * 28 * 25 + 16L * 10 * 10 * 150 + 400 * 120 + 120 * 84 + 84 * 10;
        assertEquals(416_520, padded);
        assertEquals(padded, zoo.macs(zoo.create("lenet5", Map.of("padding", 2), mnist, 10), mnist));
        // without padding: 6x24x24, 16x8x8, 256*120
        long unpadded = 6L * 24 * 24 * 25 + 16L * 8 * 8 * 150 + 256 * 120 + 120 * 84 + 84 * 10;
        assertEquals(unpadded, zoo.macs(zoo.create("lenet5", Map.of(), mnist, 10), mnist));
    }

    @Test
    void resnet20MatchesTheLiteratureAndTheLayerTable() throws Exception {
        Shape cifar = Shape.of(3, 32, 32);
        long macs = zoo.macs(zoo.create("resnet", Map.of("depth", 20), cifar, 10), cifar);
        // stem 32*32*16*27; stage 1, six 16->16 convolutions at 32x32; stages 2 and 3, a first convolution with
        // half the input channels, five full ones and a 1x1 projection at 16x16 and 8x8; head 64*10
        long stage1 = 6L * 32 * 32 * 16 * 16 * 9;
        long stage2 = 16L * 16 * 32 * (16 * 9 + 5 * 32 * 9 + 16);
        long stage3 = 8L * 8 * 64 * (32 * 9 + 5 * 64 * 9 + 32);
        assertEquals(32L * 32 * 16 * 27 + stage1 + stage2 + stage3 + 64 * 10, macs);
        assertEquals(41e6, macs, 41e6 * 0.02, "ResNet-20 is about 41M multiply-accumulates");
    }

    @Test
    void alexNetSmallMatchesItsDocumentedShape() throws Exception {
        Shape cifar = Shape.of(3, 32, 32);
        long expected = 64L * 32 * 32 * 3 * 25 + 128L * 16 * 16 * 64 * 25 + 256L * 8 * 8 * 128 * 9 + 256L * 8 * 8 * 256 * 9
                + 4096 * 512 + 512 * 512 + 512 * 10;
        assertEquals(expected, zoo.macs(zoo.create("alexnet-small", Map.of(), cifar, 10), cifar));
    }

    @Test
    void convnetMacsMatchTheLayerTable() throws Exception {
        Shape mnist = Shape.of(1, 28, 28);
        Module student = zoo.create("convnet", Map.of("channels", List.of(16, 16, 16, 16, 12, 12), "pool_after", List.of(2, 4, 6),
                "hidden", List.of(150)), mnist, 10);
        // two convolutions at 28x28, two at 14x14, two at 7x7 (3x3 windows over 1, 16, 16, 16, 16 and 12 channels),
        // then 108*150 and 150*10
        long expected = 28L * 28 * 16 * 9 + 28L * 28 * 16 * 144 + 2L * 14 * 14 * 16 * 144 + 7L * 7 * 12 * 144 + 7L * 7 * 12 * 108
                + 108 * 150 + 150 * 10;
        assertEquals(expected, zoo.macs(student, mnist));
    }

    @Test
    void theDryPassLeavesTheModelAsItWas() throws Exception {
        Shape cifar = Shape.of(3, 32, 32);
        Module resnet = zoo.create("resnet", Map.of("depth", 8), cifar, 10);
        var before = resnet.stateDict();
        zoo.macs(resnet, cifar);
        assertEquals(before, resnet.stateDict(), "batch-norm statistics untouched");
        assertTrue(resnet.isTraining(), "still in training mode");
    }
}
