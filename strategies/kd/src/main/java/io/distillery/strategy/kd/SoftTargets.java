package io.distillery.strategy.kd;

import java.util.Map;

import io.distillery.api.distill.DistillationContext;
import io.distillery.api.distill.DistillationStrategy;
import io.distillery.api.distill.LossTerm;

import org.osgi.service.component.annotations.Component;

/**
 * Knowledge distillation with soft targets (Hinton, Vinyals and Dean, "Distilling the Knowledge in a Neural
 * Network", 2015): the student matches the teacher's softmax at temperature {@code T} and the labels,
 * {@code (1 - alpha) * ce + alpha * kd} with the {@code ce} term on the labels and the {@code kd} term.
 */
@Component(property = {DistillationStrategy.NAME + "=kd",
    DistillationStrategy.DESCRIPTION + "=Soft targets at temperature T (Hinton et al. 2015)"})
public final class SoftTargets implements DistillationStrategy {

    /**
     * The strategy's settings.
     *
     * @param temperature the softmax temperature {@code T}, above 0
     * @param alpha the weight of the soft-target term, in [0, 1]
     */
    public record Params(double temperature, double alpha) {
        /** The temperature and weight of Hinton's MNIST experiments. */
        public static final Params DEFAULTS = new Params(20, 0.9);

        /** @throws IllegalArgumentException on a temperature not above 0 or an alpha outside [0, 1] */
        public Params {
            if (!(temperature > 0)) {
                throw new IllegalArgumentException("temperature must be above 0, got " + temperature);
            }
            if (!(alpha >= 0 && alpha <= 1)) {
                throw new IllegalArgumentException("alpha must be in [0, 1], got " + alpha);
            }
        }
    }

    @Override
    public void run(DistillationContext ctx) {
        Params p = ctx.parameters(Params.class);
        LossTerm ce = ctx.lossTerm("ce", Map.of(), "strategy");
        LossTerm kd = SoftTargetTerm.of(ctx, p.temperature());
        ctx.train(ctx.student(), batch -> ce.loss(batch).mul(1 - p.alpha()).add(kd.loss(batch).mul(p.alpha())));
    }
}
