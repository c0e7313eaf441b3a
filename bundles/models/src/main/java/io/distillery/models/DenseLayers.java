package io.distillery.models;

import io.distillery.api.nn.Layers;
import io.distillery.api.tensor.Activation;

/**
 * Hidden dense layers as the MLP and the convnets' classifiers stack them: layer {@code k} is {@code drop<k>}
 * (dropout on its input, present only when the probability is above 0) and {@code fc<k>} (the dense layer with
 * its activation), so a tap on {@code fc<k>} reads the layer's activations.
 */
final class DenseLayers {
    /** The negative slope of {@code leaky-relu}: PyTorch's default, so that recipes carry over. */
    static final double LEAKY_SLOPE = 0.01;

    private DenseLayers() {
    }

    /**
     * Appends hidden layer {@code k}. A leaky ReLU is its own layer {@code act<k>} after {@code fc<k>}, because a
     * dense layer can only fuse activations without a parameter.
     *
     * @param net the network
     * @param layers where to get layers
     * @param k the layer's number, from 1
     * @param in input features
     * @param out output features
     * @param dropout the probability of dropping each input feature in training
     * @param activation the activation
     */
    static void add(Network net, Layers layers, int k, int in, int out, double dropout, Activation activation) {
        if (dropout > 0) {
            net.add("drop" + k, layers.dropout(dropout));
        }
        if (activation == Activation.LEAKY_RELU) {
            net.add("fc" + k, layers.linear(in, out)).add("act" + k, layers.leakyRelu(LEAKY_SLOPE));
        } else {
            net.add("fc" + k, layers.linear(in, out, activation));
        }
    }
}
