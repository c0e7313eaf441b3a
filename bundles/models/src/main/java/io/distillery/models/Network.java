package io.distillery.models;

import io.distillery.api.nn.AbstractModule;
import io.distillery.api.nn.Layers;
import io.distillery.api.nn.Module;
import io.distillery.api.tensor.Tensor;

/**
 * A whole model from the zoo: its top-level parts applied in the order they were added, under a description
 * that names the architecture and its options (the engine's sequence only lists its children's names).
 *
 * <pre>{@code
 * Network net = new Network("lenet5", "lenet5 (padding 2)", 10).add("conv1", conv).addHead(layers, 84);
 * }</pre>
 */
final class Network extends AbstractModule {
    private final String description;
    private final int classes;

    /**
     * @param model the model's name, for messages
     * @param description the one-line description, such as {@code resnet-20 (width 1)}
     * @param classes the number of outputs its head will have
     * @throws IllegalArgumentException if there are no classes
     */
    Network(String model, String description, int classes) {
        if (classes < 1) {
            throw new IllegalArgumentException("model '" + model + "' needs at least 1 class, got " + classes);
        }
        this.description = description;
        this.classes = classes;
    }

    /**
     * Appends a part.
     *
     * @param name its name, a stable top-level path
     * @param part the part
     * @return this network
     */
    Network add(String name, Module part) {
        child(name, part);
        return this;
    }

    /**
     * Appends the classifier {@code head}, a dense layer to one output per class.
     *
     * @param layers where to get layers
     * @param features the features the head reads
     * @return this network
     */
    Network addHead(Layers layers, int features) {
        return add("head", layers.linear(features, classes));
    }

    /**
     * Appends {@code pool}, the global average over the image, and the classifier {@code head}.
     *
     * @param layers where to get layers
     * @param channels the channels pooled into features
     * @return this network
     */
    Network addPooledHead(Layers layers, int channels) {
        return add("pool", layers.globalAvgPool()).addHead(layers, channels);
    }

    @Override
    protected Tensor compute(Tensor input) {
        Tensor x = input;
        for (Module part : children().values()) {
            x = part.forward(x);
        }
        return x;
    }

    @Override
    public String describe() {
        return description;
    }
}
