package io.distillery.strategy.logitmimic;

import java.util.Map;

import io.distillery.api.distill.DistillationContext;
import io.distillery.api.distill.LossTerm;
import io.distillery.api.distill.LossTermProvider;
import io.distillery.api.tensor.Losses;

import org.osgi.service.component.annotations.Component;

/** The {@code mimic} loss term: mean squared error between the student's and the teacher's logits. */
@Component(property = {LossTermProvider.NAME + "=mimic",
    LossTermProvider.DESCRIPTION + "=Squared error to the teacher's logits (Ba and Caruana 2014)"})
public final class LogitMimicTerm implements LossTermProvider {

    /** No options. */
    public record Options() {
    }

    @Override
    public LossTerm create(DistillationContext ctx, Map<String, Object> options, String configKey) {
        ctx.bind(Options.class, options, configKey);
        return of(ctx);
    }

    static LossTerm of(DistillationContext ctx) {
        return batch -> ctx.term("mimic", Losses.mse(ctx.studentLogits(batch), ctx.teacherLogits(batch)));
    }
}
