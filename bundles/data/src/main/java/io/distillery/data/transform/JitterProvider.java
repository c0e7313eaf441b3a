package io.distillery.data.transform;

import java.util.Map;

import io.distillery.api.data.Transform;
import io.distillery.api.data.TransformProvider;
import io.distillery.data.support.Options;

import org.osgi.service.component.annotations.Component;

/**
 * {@code jitter}: adds Gaussian noise to every step of a time series (Um et al., "Data augmentation of wearable
 * sensor data for Parkinson's disease monitoring using convolutional neural networks", 2017).
 */
@Component(property = {TransformProvider.NAME + "=jitter",
        TransformProvider.DESCRIPTION + "=Time series: add Gaussian noise of standard deviation 'std' (default 0.03)"})
public final class JitterProvider implements TransformProvider {

    @Override
    public Transform create(Map<String, Object> options) {
        return new AdditiveNoise(Options.of(options, "transform jitter", "std").number("std", 0.03, 0, 1e6));
    }
}
