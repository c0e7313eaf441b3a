package io.distillery.strategy.kd;

import java.util.Map;

import io.distillery.api.distill.DistillationContext;
import io.distillery.api.distill.LossTerm;
import io.distillery.api.distill.LossTermProvider;
import io.distillery.api.tensor.Losses;

import org.osgi.service.component.annotations.Component;

/**
 * The {@code kd} loss term: {@code T^2 * KL(softmax(teacher / T) || softmax(student / T))} (Hinton et al. 2015),
 * reported as {@code kd}. Strategies weight it against other terms; FitNets' second stage reuses it.
 */
@Component(property = {LossTermProvider.NAME + "=kd",
    LossTermProvider.DESCRIPTION + "=Soft-target KL divergence to the teacher at temperature T, scaled by T^2"})
public final class SoftTargetTerm implements LossTermProvider {

    /**
     * The term's options.
     *
     * @param temperature the softmax temperature {@code T}, above 0
     */
    public record Options(double temperature) {
        /** Hinton's MNIST temperature. */
        public static final Options DEFAULTS = new Options(20);

        /** @throws IllegalArgumentException on a temperature not above 0 */
        public Options {
            if (!(temperature > 0)) {
                throw new IllegalArgumentException("temperature must be above 0, got " + temperature);
            }
        }
    }

    @Override
    public LossTerm create(DistillationContext ctx, Map<String, Object> options, String configKey) {
        return of(ctx, ctx.bind(Options.class, options, configKey).temperature());
    }

    static LossTerm of(DistillationContext ctx, double temperature) {
        return batch -> ctx.term("kd", Losses.softTargetKl(ctx.studentLogits(batch), ctx.teacherLogits(batch), temperature));
    }
}
