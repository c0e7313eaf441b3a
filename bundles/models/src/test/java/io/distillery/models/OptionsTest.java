package io.distillery.models;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.distillery.api.tensor.Shape;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad options, inputs and class counts fail with messages that name the model, the option and the value. */
class OptionsTest {
    private static final Shape CIFAR = Shape.of(3, 32, 32);
    private final Zoo zoo = new Zoo();

    private String failure(String name, Map<String, Object> options, Shape input, int classes) {
        return assertThrows(IllegalArgumentException.class, () -> zoo.create(name, options, input, classes)).getMessage();
    }

    private static void mentions(String message, String... fragments) {
        for (String f : fragments) {
            assertTrue(message.contains(f), "'" + f + "' missing from: " + message);
        }
    }

    static Stream<Arguments> invalidValues() {
        return Stream.of(
                Arguments.of("resnet", "depth", 21, "6n+2"),
                Arguments.of("resnet", "depth", 2, "6n+2"),
                Arguments.of("resnet", "width", -1, "positive"),
                Arguments.of("resnet", "stem", 0, "from 1"),
                Arguments.of("wrn", "depth", 20, "6n+4"),
                Arguments.of("wrn", "dropout", 1.0, "[0, 1)"),
                Arguments.of("mlp", "hidden", List.of(800, 0), "at least 1"),
                Arguments.of("mlp", "hidden", "big", "list of integers"),
                Arguments.of("mlp", "activation", "gelu", "leaky-relu, relu, sigmoid, tanh"),
                Arguments.of("mlp", "activation", 5, "leaky-relu, relu, sigmoid, tanh"),
                Arguments.of("mlp", "input_dropout", -0.1, "[0, 1)"),
                Arguments.of("lenet5", "padding", 3, "from 0 to 2"),
                Arguments.of("lenet5", "padding", 1.5, "an integer"),
                Arguments.of("alexnet-small", "width", 0, "positive"),
                Arguments.of("vgg-small", "depth", 16, "8, 11 or 13"),
                Arguments.of("convnet", "channels", List.of(), "non-empty"),
                Arguments.of("convnet", "channels", List.of(8, 0), "at least 1"),
                Arguments.of("convnet", "pool_after", List.of(2, 1), "increasing convolution numbers from 1 to 2"),
                Arguments.of("convnet", "pool_after", List.of(3), "from 1 to 2"),
                Arguments.of("convnet", "kernel", 0, "from 1 to 15"),
                Arguments.of("convnet", "padding", 3, "from 0 to 2"),
                Arguments.of("convnet", "dropout", 1.0, "[0, 1)"));
    }

    @ParameterizedTest(name = "{0} {1}: {2}")
    @MethodSource("invalidValues")
    void anInvalidValueNamesModelOptionAndValue(String name, String option, Object value, String rule) {
        mentions(failure(name, Map.of(option, value), CIFAR, 10), "'" + name + "'", "'" + option + "'",
                String.valueOf(value), rule);
    }

    @Test
    void anUnknownOptionListsTheKnownOnes() {
        mentions(failure("resnet", Map.of("dept", 20), CIFAR, 10), "'resnet'", "'dept'", "[depth, stem, width]");
        mentions(failure("mlp", Map.of("hidden_dropout", 0.5), CIFAR, 10), "'hidden_dropout'",
                "[activation, dropout, hidden, input_dropout]");
        mentions(failure("lenet5", Map.of("activation", "tanh"), CIFAR, 10), "'activation'", "[padding]");
    }

    @Test
    void inputsAModelCannotTakeSaySoAndWhatItNeeds() {
        mentions(failure("resnet", Map.of(), Shape.of(784), 10), "'resnet'", "[channels, height, width]", "[784]");
        mentions(failure("alexnet-small", Map.of(), Shape.of(1, 28, 28), 10), "'alexnet-small'", "32x32", "1x28x28");
        mentions(failure("lenet5", Map.of(), Shape.of(1, 12, 12), 10), "'lenet5'", "16x16", "1x12x12");
        mentions(failure("lenet5", Map.of("padding", 2), Shape.of(1, 10, 10), 10), "12x12");
        mentions(failure("vgg-small", Map.of(), Shape.of(3, 8, 8), 10), "'vgg-small'", "16x16", "3x8x8");
        mentions(failure("wrn", Map.of(), Shape.of(3, 2, 32), 10), "'wrn'", "4x4", "3x2x32");
        mentions(failure("mlp", Map.of(), Shape.of(0), 10), "'mlp'", "[0]");
        mentions(failure("convnet", Map.of("channels", List.of(4, 4, 4, 4, 4)), Shape.of(1, 28, 28), 10), "'convnet'",
                "1x28x28", "after pool5");
        mentions(failure("convnet", Map.of("kernel", 5, "padding", 0), Shape.of(1, 6, 6), 10), "after conv2");
    }

    @Test
    void aModelNeedsClasses() {
        mentions(failure("vgg-small", Map.of(), CIFAR, 0), "'vgg-small'", "class", "0");
    }
}
