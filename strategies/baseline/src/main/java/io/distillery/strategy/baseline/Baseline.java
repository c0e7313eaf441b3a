package io.distillery.strategy.baseline;

import io.distillery.api.distill.DistillationContext;
import io.distillery.api.distill.DistillationStrategy;
import io.distillery.api.tensor.Losses;
import io.distillery.api.tensor.Tensor;

import org.osgi.service.component.annotations.Component;

/**
 * Trains the student on the labels alone with cross-entropy: the baseline every distillation method is compared
 * with, and how a run trains its teacher.
 */
@Component(property = {DistillationStrategy.NAME + "=baseline",
    DistillationStrategy.DESCRIPTION + "=Labels only: cross-entropy on the ground truth, no teacher"})
public final class Baseline implements DistillationStrategy {

    /**
     * The strategy's settings.
     *
     * @param labelSmoothing the mass spread over all classes (Szegedy et al. 2016), in [0, 1)
     */
    public record Params(double labelSmoothing) {
        /** No label smoothing. */
        public static final Params DEFAULTS = new Params(0);
    }

    @Override
    public void run(DistillationContext ctx) {
        Params p = ctx.parameters(Params.class);
        ctx.train(ctx.student(), batch -> {
            Tensor logits = ctx.student().forward(batch.inputs());
            return ctx.term("ce", Losses.crossEntropy(logits, batch.labels(), p.labelSmoothing()));
        });
    }
}
