package io.distillery.data.transform;

import java.util.Map;

import io.distillery.api.data.Transform;
import io.distillery.api.data.TransformProvider;
import io.distillery.data.support.Options;

import org.osgi.service.component.annotations.Component;

/** {@code gaussian-noise}: adds noise of standard deviation {@code std} to every input value. */
@Component(property = {TransformProvider.NAME + "=gaussian-noise",
        TransformProvider.DESCRIPTION + "=Add Gaussian noise of standard deviation 'std' (default 0.1) to every value"})
public final class GaussianNoiseProvider implements TransformProvider {

    @Override
    public Transform create(Map<String, Object> options) {
        return new AdditiveNoise(Options.of(options, "transform gaussian-noise", "std").number("std", 0.1, 0, 1e6));
    }
}
