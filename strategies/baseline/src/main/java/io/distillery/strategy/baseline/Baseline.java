package io.distillery.strategy.baseline;

import io.distillery.api.distill.DistillationContext;
import io.distillery.api.distill.DistillationStrategy;

import org.osgi.service.component.annotations.Component;

/**
 * Trains the student on the labels alone with the {@code ce} term: the baseline every distillation method is
 * compared with, and how a run trains its teacher. Its settings are the {@code ce} term's.
 */
@Component(property = {DistillationStrategy.NAME + "=baseline",
    DistillationStrategy.DESCRIPTION + "=Labels only: cross-entropy on the ground truth, no teacher"})
public final class Baseline implements DistillationStrategy {

    @Override
    public void run(DistillationContext ctx) {
        CrossEntropyTerm.Options o = ctx.parameters(CrossEntropyTerm.Options.class);
        ctx.train(ctx.student(), CrossEntropyTerm.of(ctx, o));
    }
}
