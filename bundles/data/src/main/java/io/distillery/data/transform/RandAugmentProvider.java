package io.distillery.data.transform;

import java.util.Map;

import io.distillery.api.data.Transform;
import io.distillery.api.data.TransformProvider;
import io.distillery.data.support.Options;

import org.osgi.service.component.annotations.Component;

/**
 * {@code rand-augment}: applies {@code ops} operations chosen uniformly at random, all at one
 * {@code magnitude} from 0 to 10 (Cubuk et al., "RandAugment: practical automated data augmentation with a
 * reduced search space", 2020), the input noise of noisy-student training. Expects values in {@code [0, 1]}.
 */
@Component(property = {TransformProvider.NAME + "=rand-augment",
        TransformProvider.DESCRIPTION + "=RandAugment: 'ops' (default 2) random operations at 'magnitude' 0-10 (default 9)"})
public final class RandAugmentProvider implements TransformProvider {
    private static final RandAugmentOp[] OPS = RandAugmentOp.values();

    @Override
    public Transform create(Map<String, Object> options) {
        Options o = Options.of(options, "transform rand-augment", "ops", "magnitude");
        int ops = o.integer("ops", 2, 0, 16);
        double level = o.number("magnitude", 9, 0, 10) / 10;
        return (x, shape, random) -> {
            Planes planes = Planes.image(shape, "rand-augment");
            for (int k = 0; k < ops; k++) {
                OPS[random.nextInt(OPS.length)].apply(x, planes, level, random);
            }
        };
    }
}
