package io.distillery.strategy.fsp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.distillery.api.tensor.Scope;
import io.distillery.api.tensor.SeededRandom;
import io.distillery.api.tensor.Shape;
import io.distillery.api.tensor.Tensor;
import io.distillery.api.tensor.TensorData;
import io.distillery.api.tensor.Tensors;
import io.distillery.testkit.GradientCheck;
import io.distillery.testkit.LocalDistillery;

import org.junit.jupiter.api.Test;

/** FSP matrices and their distance: values the definition fixes, and the gradient against finite differences. */
class FspLossTest {
    private final Tensors tensors = LocalDistillery.tensors();

    private TensorData features(long seed, int... dims) {
        try (Scope s = tensors.scope()) {
            return tensors.randn(Shape.of(dims), new SeededRandom(seed)).data();
        }
    }

    @Test
    void theGradientMatchesFiniteDifferencesThroughBothLayers() {
        TensorData first = features(2, 2, 3, 4, 4);
        TensorData second = features(3, 2, 5, 4, 4);
        new GradientCheck(tensors, 1).input(2, 3, 4, 4).input(2, 5, 4, 4).check("fsp distance", in -> FspLoss.distance(
                FspLoss.matrix(in.get(0), in.get(1)), FspLoss.matrix(tensors.of(first), tensors.of(second))));
    }

    @Test
    void aMatrixHoldsTheChannelsInnerProductsOverThePositions() {
        try (Scope s = tensors.scope()) {
            // one example, two positions: channels (1, 2) and (3, 4) against (5, 6)
            Tensor first = tensors.of(Shape.of(1, 2, 1, 2), 1, 2, 3, 4);
            Tensor second = tensors.of(Shape.of(1, 1, 1, 2), 5, 6);
            Tensor g = FspLoss.matrix(first, second);
            assertEquals(Shape.of(1, 2, 1), g.shape());
            assertArrayEquals(new float[] {(5 + 12) / 2f, (15 + 24) / 2f}, g.toArray(), 1e-6f);
        }
    }

    @Test
    void theDistanceIsTheSquaredFrobeniusNormPerExample() {
        try (Scope s = tensors.scope()) {
            Tensor a = tensors.of(Shape.of(2, 1, 2), 1, 2, 3, 4);
            Tensor b = tensors.of(Shape.of(2, 1, 2), 1, 0, 0, 4);
            // (0 + 4 + 9 + 0) / 2 examples
            assertEquals(6.5, FspLoss.distance(a, b).item(), 1e-6);
        }
    }
}
