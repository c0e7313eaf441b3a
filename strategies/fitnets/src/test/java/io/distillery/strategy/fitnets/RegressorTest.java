package io.distillery.strategy.fitnets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import io.distillery.api.nn.Layers;
import io.distillery.api.nn.Module;
import io.distillery.api.tensor.Activation;
import io.distillery.api.tensor.Losses;
import io.distillery.api.tensor.Parameter;
import io.distillery.api.tensor.Shape;
import io.distillery.api.tensor.Tensor;
import io.distillery.api.tensor.TensorData;
import io.distillery.api.tensor.Tensors;
import io.distillery.testkit.GradientCheck;
import io.distillery.testkit.LocalDistillery;

import org.junit.jupiter.api.Test;

/**
 * The regressor fits the guided output to the hint's shape with the paper's kernel, and the hint loss through it has
 * the gradient finite differences give, with respect to the guided features and to the regressor's weights.
 */
class RegressorTest {
    private static final List<String> PATHS = List.of("conv3", "pool1");
    private final Tensors tensors = LocalDistillery.tensors();
    private final Layers layers = LocalDistillery.layers();

    private Module regressor(Shape guided, Shape hint) {
        return Regressor.of(layers, guided, hint, Activation.IDENTITY, PATHS);
    }

    private static Shape weight(Module m) {
        return m.parameters().get("weight").shape();
    }

    @Test
    void theKernelShrinksTheGuidedMapsToTheHintsSize() {
        assertEquals(Shape.of(16, 4, 1, 1), weight(regressor(Shape.of(2, 4, 7, 7), Shape.of(2, 16, 7, 7))));
        assertEquals(Shape.of(8, 4, 8, 8), weight(regressor(Shape.of(2, 4, 14, 14), Shape.of(2, 8, 7, 7))));
        assertEquals(Shape.of(6, 3, 3), weight(regressor(Shape.of(2, 3, 10), Shape.of(2, 6, 8))));
        assertEquals(Shape.of(120, 30), weight(regressor(Shape.of(2, 30), Shape.of(2, 120))));
    }

    @Test
    void shapesNoRegressorCanMapAreRefusedNamingTheKeysAndShapes() {
        var rank = assertThrows(IllegalArgumentException.class, () -> regressor(Shape.of(2, 72), Shape.of(2, 8, 14, 14)));
        assertTrue(rank.getMessage().startsWith("config keys 'strategy.guided' and 'strategy.hint': the student's 'conv3' "
                + "gives [2, 72] and the teacher's 'pool1' gives [2, 8, 14, 14]; a regressor maps vectors"), rank.getMessage());
        var smaller = assertThrows(IllegalArgumentException.class, () -> regressor(Shape.of(2, 4, 7, 7), Shape.of(2, 8, 14, 14)));
        assertTrue(smaller.getMessage().contains("[2, 4, 7, 7] and the teacher's 'pool1' gives [2, 8, 14, 14]; the "
                + "convolutional regressor shrinks"), smaller.getMessage());
        var uneven = assertThrows(IllegalArgumentException.class, () -> regressor(Shape.of(2, 4, 9, 7), Shape.of(2, 8, 7, 7)));
        assertTrue(uneven.getMessage().contains("larger by the same amount along every axis"), uneven.getMessage());
    }

    @Test
    void theHintLossGradientMatchesFiniteDifferences() {
        for (Shape[] shapes : new Shape[][] {{Shape.of(2, 3, 6, 6), Shape.of(2, 5, 4, 4)}, {Shape.of(3, 7), Shape.of(3, 4)}}) {
            Module r = Regressor.of(layers, shapes[0], shapes[1], Activation.TANH, PATHS);
            TensorData hint = new TensorData(shapes[1], new float[shapes[1].size()]);
            try {
                new GradientCheck(tensors, 3).input(shapes[0].toArray()).parameters(r.namedParameters().values())
                        .check("hint loss through " + r.describe(), in -> {
                            Tensor h = tensors.of(hint).add(0.25);
                            return Losses.mse(r.forward(in.get(0)), h);
                        });
            } finally {
                r.namedParameters().values().forEach(Parameter::release);
            }
        }
    }
}
