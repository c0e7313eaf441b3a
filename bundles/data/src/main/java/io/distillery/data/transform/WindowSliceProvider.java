package io.distillery.data.transform;

import java.util.Map;

import io.distillery.api.data.Transform;
import io.distillery.api.data.TransformProvider;
import io.distillery.data.support.Options;

import org.osgi.service.component.annotations.Component;

/**
 * {@code window-slice}: keeps a random window of {@code ratio} of a time series' length, the same for every
 * channel, and stretches it back to the full length by linear interpolation (Le Guennec, Malinowski and
 * Tavenard, "Data augmentation for time series classification using convolutional neural networks", 2016).
 */
@Component(property = {TransformProvider.NAME + "=window-slice",
        TransformProvider.DESCRIPTION + "=Time series: stretch a random window of 'ratio' (default 0.9) of the length to the whole"})
public final class WindowSliceProvider implements TransformProvider {

    @Override
    public Transform create(Map<String, Object> options) {
        double ratio = Options.of(options, "transform window-slice", "ratio").number("ratio", 0.9, 1e-6, 1);
        return (x, shape, random) -> {
            Planes series = Planes.series(shape, "window-slice");
            int length = series.width();
            int window = Math.max(2, (int) Math.ceil(ratio * length));
            if (window >= length) {
                return;
            }
            int start = random.nextInt(length - window + 1);
            float[] original = new float[length];
            for (int c = 0; c < series.count(); c++) {
                int base = c * length;
                System.arraycopy(x, base, original, 0, length);
                for (int t = 0; t < length; t++) {
                    // Position t of the output samples the window at the same fraction of its length.
                    double at = start + (double) t * (window - 1) / (length - 1);
                    int lo = (int) at;
                    int hi = Math.min(lo + 1, start + window - 1);
                    float w = (float) (at - lo);
                    x[base + t] = original[lo] * (1 - w) + original[hi] * w;
                }
            }
        };
    }
}
