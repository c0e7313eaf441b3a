package io.distillery.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.distillery.api.nn.Module;
import io.distillery.api.tensor.Scope;
import io.distillery.api.tensor.SeededRandom;
import io.distillery.api.tensor.Shape;
import io.distillery.api.tensor.Tensor;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Output shapes, training and evaluation modes, dropout, and seeded initialisation, for every family. */
class BehaviourTest {
    private static final int BATCH = 3;
    private static final int CLASSES = 5;
    private final Zoo zoo = new Zoo();

    static Stream<SmallModel> families() {
        return SmallModel.withDropout().stream();
    }

    private Module create(SmallModel m) {
        return zoo.create(m.name(), m.options(), m.input(), CLASSES);
    }

    @SuppressWarnings("try") // the scope only bounds the lifetime of the tensors made inside
    private float[] forward(Module model, SmallModel m, long inputSeed) {
        try (Scope s = zoo.tensors.scope()) {
            Tensor out = model.forward(zoo.tensors.randn(Zoo.batch(BATCH, m.input()), new SeededRandom(inputSeed)));
            assertEquals(Shape.of(BATCH, CLASSES), out.shape(), m + " in " + (model.isTraining() ? "training" : "evaluation"));
            return out.toArray();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("families")
    void outputsAreBatchByClassesInBothModes(SmallModel m) {
        Module model = create(m);
        forward(model, m, 1);
        model.setTraining(false);
        forward(model, m, 1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("families")
    void modelsStartInTrainingAndEvaluationReachesEveryModule(SmallModel m) {
        Module model = create(m);
        assertTrue(model.namedModules().values().stream().allMatch(Module::isTraining), "created in training mode");
        model.setTraining(false);
        assertTrue(model.namedModules().values().stream().noneMatch(Module::isTraining), "all in evaluation mode");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("families")
    void theSameSeedGivesTheSameWeights(SmallModel m) {
        var first = Zoo.create(m.name(), m.options(), m.input(), CLASSES, zoo.layers.withRandom(new SeededRandom(7))).stateDict();
        var again = Zoo.create(m.name(), m.options(), m.input(), CLASSES, zoo.layers.withRandom(new SeededRandom(7))).stateDict();
        var other = Zoo.create(m.name(), m.options(), m.input(), CLASSES, zoo.layers.withRandom(new SeededRandom(8))).stateDict();
        assertEquals(first, again);
        assertNotEquals(first, other);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("families")
    void dropoutActsOnlyInTraining(SmallModel m) {
        Module model = create(m);
        model.setTraining(false);
        float[] evaluated = forward(model, m, 3);
        assertArrayEquals(evaluated, forward(model, m, 3), "evaluation is deterministic");
        boolean hasDropout = m.options().keySet().stream().anyMatch(k -> k.contains("dropout"));
        if (hasDropout) {
            model.setTraining(true);
            float[] once = forward(model, m, 3);
            assertFalse(Arrays.equals(once, forward(model, m, 3)), "fresh masks each training pass");
        }
    }

    @Test
    void dropoutLayersExistOnlyWhereAsked() {
        Module plain = zoo.create("mlp", Map.of("hidden", List.of(8)), Shape.of(4), 2);
        assertEquals(List.of("flatten", "fc1", "head"), List.copyOf(plain.children().keySet()));
        Module noDropout = zoo.create("alexnet-small", Map.of("width", 0.125, "dropout", 0), Shape.of(3, 32, 32), 2);
        assertFalse(noDropout.children().containsKey("drop1"));
    }

    @Test
    void descriptionsNameTheArchitecture() {
        assertEquals("resnet-20 (width 1, stem 16)", zoo.create("resnet", Map.of(), Shape.of(3, 32, 32), 10).describe());
        assertEquals("wrn-16-4", zoo.create("wrn", Map.of(), Shape.of(3, 32, 32), 10).describe());
        assertEquals("mlp 784-1200-1200-10 (relu, input dropout 0.2, dropout 0.5)", zoo.create("mlp",
                Map.of("hidden", List.of(1200, 1200), "dropout", 0.5, "input_dropout", 0.2), Shape.of(1, 28, 28), 10)
                .describe());
    }
}
