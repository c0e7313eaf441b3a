package io.distillery.data.transform;

import java.util.Map;

import io.distillery.api.data.Transform;
import io.distillery.api.data.TransformProvider;
import io.distillery.data.support.Options;

import org.osgi.service.component.annotations.Component;

/**
 * {@code random-crop}: pads an image by {@code padding} pixels of value {@code fill} on every side and crops
 * it back to its size at a random place, the standard CIFAR augmentation ({@code padding: 4}).
 */
@Component(property = {TransformProvider.NAME + "=random-crop",
        TransformProvider.DESCRIPTION + "=Pad by 'padding' pixels (default 4) of 'fill' (default 0), crop back at a random place"})
public final class RandomCropProvider implements TransformProvider {

    @Override
    public Transform create(Map<String, Object> options) {
        Options o = Options.of(options, "transform random-crop", "padding", "fill");
        return new Shift("random-crop", o.integer("padding", 4, 0, 1 << 16),
                (float) o.number("fill", 0, -Float.MAX_VALUE, Float.MAX_VALUE));
    }
}
