package io.distillery.api.nn;

import java.util.random.RandomGenerator;

import io.distillery.api.tensor.Activation;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The standard layers, made on the engine's current backend.
 *
 * <p>Layers take their initial weights, and dropout layers their masks, from the generator given to
 * {@link #withRandom(RandomGenerator)}; the service itself uses a generator seeded with 0, so building the
 * same model twice gives the same weights. Inputs are {@code [batch, features]} for dense layers,
 * {@code [batch, channels, length]} for 1-d and {@code [batch, channels, height, width]} for 2-d layers.
 * A service registered by the engine.
 */
@ProviderType
public interface Layers {

    /**
     * @param random the generator for initial weights and dropout masks
     * @return layers that draw from it
     */
    Layers withRandom(RandomGenerator random);

    /**
     * @param init the weight initialisation
     * @return layers that initialise weights this way (the default is {@link Init#FAN_IN_UNIFORM})
     */
    Layers withInit(Init init);

    /**
     * @param in input features
     * @param out output features
     * @return a dense layer {@code y = x W^T + b}, weight {@code [out, in]}
     */
    Module linear(int in, int out);

    /**
     * @param in input features
     * @param out output features
     * @param activation the activation fused into the output
     * @return a dense layer {@code y = act(x W^T + b)}
     */
    Module linear(int in, int out, Activation activation);

    /**
     * @param in input channels
     * @param out output channels
     * @param kernel kernel length
     * @param options stride, padding, dilation, groups, bias and activation
     * @return a 1-d convolution, weight {@code [out, in/groups, kernel]}
     */
    Module conv1d(int in, int out, int kernel, ConvOptions options);

    /**
     * @param in input channels
     * @param out output channels
     * @param kernel kernel height and width
     * @param options stride, padding, dilation, groups, bias and activation
     * @return a 2-d convolution, weight {@code [out, in/groups, kernel, kernel]}
     */
    Module conv2d(int in, int out, int kernel, ConvOptions options);

    /**
     * @param features the channel count (axis 1)
     * @return batch normalisation (Ioffe and Szegedy 2015) over {@code [batch, features]} or
     *         {@code [batch, features, length]}, momentum 0.1, epsilon 1e-5
     */
    Module batchNorm1d(int features);

    /**
     * @param channels the channel count (axis 1)
     * @return batch normalisation over {@code [batch, channels, height, width]}, momentum 0.1, epsilon 1e-5
     */
    Module batchNorm2d(int channels);

    /**
     * @param p the probability of zeroing each element during training
     * @return inverted dropout (Srivastava et al. 2014): survivors scaled by {@code 1/(1-p)}; identity in evaluation
     */
    Module dropout(double p);

    /**
     * @param activation the function
     * @return the element-wise activation as a layer
     */
    Module activation(Activation activation);

    /**
     * @param slope the slope for negative inputs
     * @return a leaky ReLU layer
     */
    Module leakyRelu(double slope);

    /**
     * @param kernel window length
     * @param stride step
     * @return 1-d max pooling
     */
    Module maxPool1d(int kernel, int stride);

    /**
     * @param kernel window length
     * @param stride step
     * @return 1-d average pooling
     */
    Module avgPool1d(int kernel, int stride);

    /**
     * @param kernel window height and width
     * @param stride step
     * @param padding padding per side, counted as minus infinity
     * @return 2-d max pooling
     */
    Module maxPool2d(int kernel, int stride, int padding);

    /**
     * @param kernel window height and width
     * @param stride step
     * @param padding padding per side, counted as zeros
     * @return 2-d average pooling
     */
    Module avgPool2d(int kernel, int stride, int padding);

    /** @return the mean over every axis after the channel axis: {@code [batch, channels, ...] -> [batch, channels]} */
    Module globalAvgPool();

    /** @return {@code [batch, ...] -> [batch, product of the rest]} */
    Module flatten();

    /** @return an empty sequence to {@link Sequential#add add} layers to */
    Sequential sequential();

    /**
     * A residual block (He et al. 2016): {@code y = act(body(x) + shortcut(x))}.
     *
     * @param body the residual branch, registered as {@code body}
     * @param shortcut the projection branch, registered as {@code shortcut}, or {@code null} for identity
     * @param activation applied after the sum
     * @return the block
     */
    Module residual(Module body, Module shortcut, Activation activation);
}
