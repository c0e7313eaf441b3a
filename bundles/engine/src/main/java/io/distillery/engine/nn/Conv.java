package io.distillery.engine.nn;

import io.distillery.api.nn.AbstractModule;
import io.distillery.api.nn.ConvOptions;
import io.distillery.api.tensor.Activation;
import io.distillery.api.tensor.Shape;
import io.distillery.api.tensor.Tensor;
import io.distillery.engine.core.EngineParameter;
import io.distillery.engine.core.EngineTensor;
import io.distillery.engine.ops.Convolution;

/** A 1-d or 2-d convolution layer: parameters {@code weight [out, in/groups, ...kernel]} and {@code bias [out]}. */
final class Conv extends AbstractModule {
    private final EngineParameter weight;
    private final EngineParameter bias;
    private final ConvOptions options;
    private final Convolution.Settings settings;
    private final boolean twoD;

    Conv(EngineParameter weight, EngineParameter bias, ConvOptions options, boolean twoD) {
        this.weight = (EngineParameter) parameter("weight", weight);
        this.bias = bias == null ? null : (EngineParameter) parameter("bias", bias);
        this.options = options;
        this.settings = new Convolution.Settings(options.stride(), options.padding(), options.dilation(), options.groups(),
                options.activation(), 0f);
        this.twoD = twoD;
    }

    @Override
    protected Tensor compute(Tensor input) {
        EngineTensor x = EngineTensor.of(input);
        return twoD ? Convolution.conv2d(x, weight, bias, settings) : Convolution.conv1d(x, weight, bias, settings);
    }

    @Override
    public long macs(Shape input, Shape output) {
        // each output element is one dot product over in/groups channels times the kernel window
        return (long) output.size() * (weight.size() / weight.shape().dim(0));
    }

    @Override
    public String describe() {
        return (twoD ? "Conv2d(" : "Conv1d(") + weight.shape().dim(1) * options.groups() + " -> " + weight.shape().dim(0)
                + ", kernel " + weight.shape().dim(-1) + ", stride " + options.stride() + ", padding " + options.padding()
                + (options.dilation() == 1 ? "" : ", dilation " + options.dilation())
                + (options.groups() == 1 ? "" : ", groups " + options.groups())
                + (bias == null ? ", no bias" : "")
                + (options.activation() == Activation.IDENTITY ? "" : ", " + Names.of(options.activation()))
                + ")";
    }
}
