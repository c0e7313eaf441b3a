package io.distillery.data.transform;

import java.util.Map;

import io.distillery.api.data.Transform;
import io.distillery.api.data.TransformProvider;
import io.distillery.data.support.Options;

import org.osgi.service.component.annotations.Component;

/**
 * {@code scaling}: multiplies each channel of a time series by its own random factor drawn from
 * {@code N(1, std²)} (Um et al. 2017).
 */
@Component(property = {TransformProvider.NAME + "=scaling",
        TransformProvider.DESCRIPTION + "=Time series: multiply each channel by a factor from N(1, std^2), 'std' default 0.1"})
public final class ScalingProvider implements TransformProvider {

    @Override
    public Transform create(Map<String, Object> options) {
        double std = Options.of(options, "transform scaling", "std").number("std", 0.1, 0, 1e6);
        return (x, shape, random) -> {
            Planes series = Planes.series(shape, "scaling");
            for (int c = 0; c < series.count(); c++) {
                float factor = (float) (1 + random.nextGaussian() * std);
                for (int t = c * series.width(); t < (c + 1) * series.width(); t++) {
                    x[t] *= factor;
                }
            }
        };
    }
}
