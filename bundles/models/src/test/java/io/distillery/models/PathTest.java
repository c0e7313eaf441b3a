package io.distillery.models;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.distillery.api.nn.Module;
import io.distillery.api.tensor.Shape;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The paths each factory's Javadoc documents, which configs tap (FitNets hints, attention transfer): the
 * top-level parts exactly, and the nested paths it names.
 */
class PathTest {
    private final Zoo zoo = new Zoo();

    static Stream<Arguments> documented() {
        Shape cifar = Shape.of(3, 32, 32);
        return Stream.of(
                Arguments.of("mlp", Map.of("hidden", List.of(12, 12), "dropout", 0.5, "input_dropout", 0.2), Shape.of(1, 4, 4),
                        List.of("flatten", "drop1", "fc1", "drop2", "fc2", "drop3", "head"), List.of()),
                Arguments.of("mlp", Map.of("hidden", List.of(12), "activation", "leaky-relu"), Shape.of(16),
                        List.of("flatten", "fc1", "act1", "head"), List.of()),
                Arguments.of("lenet5", Map.of("padding", 2), Shape.of(1, 28, 28),
                        List.of("conv1", "pool1", "conv2", "pool2", "flatten", "fc1", "fc2", "head"), List.of()),
                Arguments.of("alexnet-small", Map.of("width", 0.125), cifar,
                        List.of("conv1", "pool1", "conv2", "pool2", "conv3", "conv4", "pool3", "flatten", "drop1", "fc1",
                                "drop2", "fc2", "head"), List.of()),
                Arguments.of("resnet", Map.of("depth", 14, "width", 0.5), cifar,
                        List.of("stem", "stage1", "stage2", "stage3", "pool", "head"),
                        List.of("stem.conv", "stem.bn", "stem.relu", "stage1.block1.conv1", "stage1.block1.bn1",
                                "stage1.block1.conv2", "stage1.block1.bn2", "stage2.block0.shortcut.conv",
                                "stage2.block0.shortcut.bn", "stage3.block1")),
                Arguments.of("wrn", Map.of("depth", 10, "width", 2, "dropout", 0.3), cifar,
                        List.of("stem", "stage1", "stage2", "stage3", "final", "pool", "head"),
                        List.of("stage1.block0.bn1", "stage1.block0.conv1", "stage1.block0.bn2", "stage1.block0.dropout",
                                "stage1.block0.conv2", "stage1.block0.shortcut", "stage3.block0.shortcut", "final.bn",
                                "final.relu")),
                Arguments.of("vgg-small", Map.of("depth", 11, "width", 0.125), cifar,
                        List.of("stage1", "pool1", "stage2", "pool2", "stage3", "pool3", "stage4", "pool4", "stage5", "pool",
                                "head"),
                        List.of("stage1.conv1", "stage1.bn1", "stage1.relu1", "stage5.conv2", "stage5.bn2", "stage5.relu2")),
                Arguments.of("convnet", Map.of("channels", List.of(4, 4, 4), "pool_after", List.of(1, 3), "hidden", List.of(8),
                        "dropout", 0.5), Shape.of(1, 28, 28),
                        List.of("conv1", "pool1", "conv2", "conv3", "pool2", "flatten", "drop1", "fc1", "drop2", "head"),
                        List.of()));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("documented")
    void documentedPathsResolve(String name, Map<String, Object> options, Shape input, List<String> top, List<String> nested) {
        Module model = zoo.create(name, options, input, 10);
        assertEquals(top, List.copyOf(model.children().keySet()));
        for (String path : nested) {
            assertDoesNotThrow(() -> model.module(path), path);
        }
    }

    @Test
    void identityShortcutsHaveNoPath() {
        Module model = zoo.create("resnet", Map.of("depth", 14, "width", 0.5), Shape.of(3, 32, 32), 10);
        var e = assertThrows(IllegalArgumentException.class, () -> model.module("stage2.block1.shortcut"));
        assertTrue(e.getMessage().contains("[conv1, bn1, conv2, bn2]"), e.getMessage());
    }
}
