package io.distillery.data.transform;

import java.util.Map;

import io.distillery.api.data.Transform;
import io.distillery.api.data.TransformProvider;
import io.distillery.data.support.Options;

import org.osgi.service.component.annotations.Component;

/**
 * {@code cutout}: sets a square of {@code size} pixels, centred at a random pixel and clipped to the image,
 * to {@code fill} in every channel (DeVries and Taylor, "Improved regularization of convolutional neural
 * networks with cutout", 2017).
 */
@Component(property = {TransformProvider.NAME + "=cutout",
        TransformProvider.DESCRIPTION + "=Blank a random 'size' x 'size' square (default 8) with 'fill' (default 0)"})
public final class CutoutProvider implements TransformProvider {

    @Override
    public Transform create(Map<String, Object> options) {
        Options o = Options.of(options, "transform cutout", "size", "fill");
        int size = o.integer("size", 8, 1, 1 << 16);
        float fill = (float) o.number("fill", 0, -Float.MAX_VALUE, Float.MAX_VALUE);
        return (x, shape, random) -> {
            Planes planes = Planes.image(shape, "cutout");
            int cy = random.nextInt(planes.height());
            int cx = random.nextInt(planes.width());
            planes.fillSquare(x, cy - size / 2, cx - size / 2, size, fill);
        };
    }
}
