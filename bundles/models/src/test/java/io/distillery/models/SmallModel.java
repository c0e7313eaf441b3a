package io.distillery.models;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.distillery.api.tensor.Shape;

/**
 * A small configuration of a model family, fast enough to run forward and train in a unit test; {@link #withDropout()}
 * lists one per family.
 *
 * @param name the model's name
 * @param options its options
 * @param input one example's shape
 */
record SmallModel(String name, Map<String, Object> options, Shape input) {

    /** @return one configuration per family, each with its dropout where it has one */
    static List<SmallModel> withDropout() {
        return List.of(
                new SmallModel("mlp", Map.of("hidden", List.of(16, 16), "dropout", 0.5, "input_dropout", 0.2), Shape.of(1, 8, 8)),
                new SmallModel("lenet5", Map.of(), Shape.of(1, 16, 16)),
                new SmallModel("alexnet-small", Map.of("width", 0.125, "dropout", 0.5), Shape.of(3, 32, 32)),
                new SmallModel("resnet", Map.of("depth", 8, "width", 0.5), Shape.of(3, 8, 8)),
                new SmallModel("wrn", Map.of("depth", 10, "width", 1, "dropout", 0.3), Shape.of(3, 8, 8)),
                new SmallModel("vgg-small", Map.of("width", 0.125), Shape.of(3, 16, 16)),
                new SmallModel("convnet", Map.of("channels", List.of(4, 8, 8), "pool_after", List.of(2, 3), "hidden", List.of(16),
                        "dropout", 0.5), Shape.of(1, 8, 8)));
    }

    /** @return the same families with every dropout probability set to 0, so that a few steps fit a batch */
    static List<SmallModel> withoutDropout() {
        return withDropout().stream().map(m -> new SmallModel(m.name(), m.options().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getKey().contains("dropout") ? 0 : e.getValue())),
                m.input())).toList();
    }

    /** @return the name and options, for test names */
    @Override
    public String toString() {
        return name + " " + options;
    }
}
