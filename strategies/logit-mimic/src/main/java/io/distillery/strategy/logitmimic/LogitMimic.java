package io.distillery.strategy.logitmimic;

import java.util.Map;

import io.distillery.api.distill.DistillationContext;
import io.distillery.api.distill.DistillationStrategy;
import io.distillery.api.distill.LossTerm;

import org.osgi.service.component.annotations.Component;

/**
 * Logit regression (Ba and Caruana, "Do Deep Nets Really Need to be Deep?", 2014): the student regresses the
 * teacher's logits with a squared error (the {@code mimic} term), optionally plus the {@code ce} term on the
 * labels: {@code mimic + labelWeight * ce}.
 */
@Component(property = {DistillationStrategy.NAME + "=logit-mimic",
    DistillationStrategy.DESCRIPTION + "=L2 regression on the teacher's logits (Ba and Caruana 2014)"})
public final class LogitMimic implements DistillationStrategy {

    /**
     * The strategy's settings.
     *
     * @param labelWeight the weight of the cross-entropy on the labels; 0 learns from the teacher alone
     */
    public record Params(double labelWeight) {
        /** The teacher alone, as in the paper. */
        public static final Params DEFAULTS = new Params(0);

        /** @throws IllegalArgumentException on a negative weight */
        public Params {
            if (!(labelWeight >= 0)) {
                throw new IllegalArgumentException("label_weight must not be negative, got " + labelWeight);
            }
        }
    }

    @Override
    public void run(DistillationContext ctx) {
        Params p = ctx.parameters(Params.class);
        LossTerm mimic = LogitMimicTerm.of(ctx);
        if (p.labelWeight() == 0) {
            ctx.train(ctx.student(), mimic);
        } else {
            LossTerm ce = ctx.lossTerm("ce", Map.of(), "strategy");
            ctx.train(ctx.student(), batch -> mimic.loss(batch).add(ce.loss(batch).mul(p.labelWeight())));
        }
    }
}
