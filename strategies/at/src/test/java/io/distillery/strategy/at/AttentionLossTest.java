package io.distillery.strategy.at;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import io.distillery.api.tensor.Scope;
import io.distillery.api.tensor.SeededRandom;
import io.distillery.api.tensor.Shape;
import io.distillery.api.tensor.Tensor;
import io.distillery.api.tensor.TensorData;
import io.distillery.api.tensor.Tensors;
import io.distillery.testkit.GradientCheck;
import io.distillery.testkit.LocalDistillery;

import org.junit.jupiter.api.Test;

/** The attention maps and their distance: values the definition fixes, and the gradient against finite differences. */
class AttentionLossTest {
    private final Tensors tensors = LocalDistillery.tensors();

    private TensorData features(long seed, int... dims) {
        try (Scope s = tensors.scope()) {
            return tensors.randn(Shape.of(dims), new SeededRandom(seed)).data();
        }
    }

    @Test
    void theGradientMatchesFiniteDifferences() {
        // a teacher with more channels than the student, as attention transfer allows; the teacher gets no gradient
        TensorData teacher = features(2, 3, 6, 4, 5);
        for (double p : new double[] {2, 3}) {
            new GradientCheck(tensors, 1).input(3, 4, 4, 5).check("attention distance, p = " + p,
                    in -> AttentionLoss.distance(in.get(0), tensors.of(teacher), p));
        }
    }

    @Test
    void aMapIsTheNormalisedChannelEnergyPerPosition() {
        try (Scope s = tensors.scope()) {
            // one example, two channels, two positions: energies (1 + 9) / 2 = 5 and (4 + 0) / 2 = 2
            Tensor f = tensors.of(Shape.of(1, 2, 1, 2), 1, 2, -3, 0);
            double norm = Math.sqrt(25 + 4);
            assertArrayEquals(new float[] {(float) (5 / norm), (float) (2 / norm)}, AttentionLoss.map(f, 2).toArray(), 1e-6f);
        }
    }

    @Test
    void mapsIgnoreScaleAndChannelCountSoOnlyWhereTheEnergyIsCounts() {
        try (Scope s = tensors.scope()) {
            Tensor f = tensors.of(features(3, 2, 3, 4, 4));
            Tensor twiceAsWide = tensors.concat(1, List.of(f, f)).mul(7);
            assertEquals(0, AttentionLoss.distance(twiceAsWide, f, 2).item(), 1e-12);
            Tensor other = tensors.of(features(4, 2, 3, 4, 4));
            double d = AttentionLoss.distance(other, f, 2).item();
            // two non-negative unit vectors are at most 2 apart in squared L2, so the mean over 16 positions is at most 1/8
            assertTrue(d > 0 && d <= 0.125, "distance " + d);
        }
    }
}
