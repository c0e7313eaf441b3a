package io.distillery.data.transform;

import java.util.Map;

import io.distillery.api.data.Transform;
import io.distillery.api.data.TransformProvider;
import io.distillery.data.support.Options;

import org.osgi.service.component.annotations.Component;

/** {@code horizontal-flip}: mirrors an image left to right with a given probability. */
@Component(property = {TransformProvider.NAME + "=horizontal-flip",
        TransformProvider.DESCRIPTION + "=Mirror left to right with 'probability' (default 0.5)"})
public final class HorizontalFlipProvider implements TransformProvider {

    @Override
    public Transform create(Map<String, Object> options) {
        double p = Options.of(options, "transform horizontal-flip", "probability").number("probability", 0.5, 0, 1);
        return (x, shape, random) -> {
            Planes planes = Planes.image(shape, "horizontal-flip");
            if (random.nextDouble() < p) {
                planes.flipHorizontally(x);
            }
        };
    }
}
