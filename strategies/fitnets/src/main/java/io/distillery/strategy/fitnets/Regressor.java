package io.distillery.strategy.fitnets;

import java.util.List;

import io.distillery.api.nn.ConvOptions;
import io.distillery.api.nn.Layers;
import io.distillery.api.nn.Module;
import io.distillery.api.tensor.Activation;
import io.distillery.api.tensor.Shape;

/**
 * The FitNets regressor, which maps the student's guided-layer output to the shape of the teacher's hint. As in
 * Romero et al. (2015), it is convolutional for feature maps, with a kernel of {@code guided - hint + 1} pixels so
 * that an unpadded convolution shrinks the guided maps to the hint's size (1x1 when the sizes match), which keeps
 * it far smaller than a dense map between the two; and dense for vectors.
 */
final class Regressor {
    private Regressor() {
    }

    /**
     * @param layers where to get the layer (bound to the phase's generator)
     * @param guided the guided layer's output shape, {@code [batch, channels, ...]} or {@code [batch, features]}
     * @param hint the hint layer's output shape, of the same rank
     * @param activation the activation on the regressor's output
     * @param paths the guided and hint layers' paths, for messages
     * @return the regressor
     * @throws IllegalArgumentException naming {@code strategy.guided} and {@code strategy.hint} with both shapes, when
     *         the ranks differ or the guided maps cannot be shrunk to the hint's size by one square kernel
     */
    static Module of(Layers layers, Shape guided, Shape hint, Activation activation, List<String> paths) {
        String both = "config keys 'strategy.guided' and 'strategy.hint': the student's '" + paths.get(0) + "' gives "
                + guided + " and the teacher's '" + paths.get(1) + "' gives " + hint;
        if (guided.rank() != hint.rank() || guided.rank() < 2 || guided.rank() > 4) {
            throw new IllegalArgumentException(both + "; a regressor maps vectors [batch, features] to vectors and feature "
                    + "maps [batch, channels, height, width] (or [batch, channels, length]) to feature maps, so guide a "
                    + "layer of the hint's rank");
        }
        if (guided.rank() == 2) {
            return layers.linear(guided.dim(1), hint.dim(1), activation);
        }
        Shape from = guided.subshape(2, guided.rank());
        Shape to = hint.subshape(2, hint.rank());
        int kernel = from.dim(0) - to.dim(0) + 1;
        for (int axis = 0; axis < from.rank(); axis++) {
            if (kernel < 1 || from.dim(axis) - to.dim(axis) + 1 != kernel) {
                throw new IllegalArgumentException(both + "; the convolutional regressor shrinks the guided maps to the "
                        + "hint's size with one square kernel, so the guided layer's maps must be at least as large as the "
                        + "hint's, and larger by the same amount along every axis");
            }
        }
        ConvOptions options = ConvOptions.DEFAULT.withActivation(activation);
        return guided.rank() == 3 ? layers.conv1d(guided.dim(1), hint.dim(1), kernel, options)
                : layers.conv2d(guided.dim(1), hint.dim(1), kernel, options);
    }
}
