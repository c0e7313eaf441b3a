package io.distillery.data.transform;

import java.util.Map;

import io.distillery.api.data.Transform;
import io.distillery.api.data.TransformProvider;
import io.distillery.data.support.Options;

import org.osgi.service.component.annotations.Component;

/**
 * {@code translate}: moves an image by a random whole number of pixels in {@code [-pixels, pixels]} along
 * each axis; Hinton et al.'s (2015) MNIST teacher was trained with {@code pixels: 2}, the default.
 */
@Component(property = {TransformProvider.NAME + "=translate",
        TransformProvider.DESCRIPTION + "=Move by up to 'pixels' (default 2) in x and y, uncovered pixels 'fill' (default 0)"})
public final class TranslateProvider implements TransformProvider {

    @Override
    public Transform create(Map<String, Object> options) {
        Options o = Options.of(options, "transform translate", "pixels", "fill");
        return new Shift("translate", o.integer("pixels", 2, 1, 1 << 16),
                (float) o.number("fill", 0, -Float.MAX_VALUE, Float.MAX_VALUE));
    }
}
