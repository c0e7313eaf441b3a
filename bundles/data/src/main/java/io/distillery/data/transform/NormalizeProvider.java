package io.distillery.data.transform;

import java.util.Map;

import io.distillery.api.data.Transform;
import io.distillery.api.data.TransformProvider;
import io.distillery.data.support.Options;

import org.osgi.service.component.annotations.Component;

/**
 * {@code normalize}: subtracts a per-channel mean and divides by a per-channel standard deviation, channels
 * being the first axis (the colour of an image, the variable of a series, the feature of a table row).
 *
 * <pre>{@code {name: normalize, mean: [0.4914, 0.4822, 0.4465], std: [0.2470, 0.2435, 0.2616]}}</pre>
 *
 * A single number applies to every channel.
 */
@Component(property = {TransformProvider.NAME + "=normalize",
        TransformProvider.DESCRIPTION + "=Per-channel (x - mean) / std; options mean, std (a number or one per channel)"})
public final class NormalizeProvider implements TransformProvider {

    @Override
    public Transform create(Map<String, Object> options) {
        Options o = Options.of(options, "transform normalize", "mean", "std");
        double[] mean = o.numbers("mean", -Double.MAX_VALUE, Double.MAX_VALUE);
        double[] std = o.numbers("std", Double.MIN_NORMAL, Double.MAX_VALUE);
        if (mean.length != std.length && mean.length != 1 && std.length != 1) {
            throw o.invalid("std", options.get("std"), "as many values as 'mean' (" + mean.length + ") or one");
        }
        int channels = Math.max(mean.length, std.length);
        float[] shift = new float[channels];
        float[] scale = new float[channels];
        for (int c = 0; c < channels; c++) {
            shift[c] = (float) mean[mean.length == 1 ? 0 : c];
            scale[c] = (float) (1 / std[std.length == 1 ? 0 : c]);
        }
        return (x, shape, random) -> {
            int channelsHere = shape.rank() == 0 ? 1 : shape.dim(0);
            if (channels != 1 && channels != channelsHere) {
                throw new IllegalArgumentException("transform normalize has " + channels + " channel means, but examples of "
                        + shape + " have " + channelsHere + " channels");
            }
            int per = shape.size() / Math.max(1, channelsHere);
            for (int i = 0; i < shape.size(); i++) {
                int c = channels == 1 ? 0 : i / per;
                x[i] = (x[i] - shift[c]) * scale[c];
            }
        };
    }
}
