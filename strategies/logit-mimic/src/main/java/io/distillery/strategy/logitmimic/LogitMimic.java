package io.distillery.strategy.logitmimic;

import io.distillery.api.distill.DistillationContext;
import io.distillery.api.distill.DistillationStrategy;
import io.distillery.api.tensor.Losses;
import io.distillery.api.tensor.Tensor;

import org.osgi.service.component.annotations.Component;

/**
 * Logit regression (Ba and Caruana, "Do Deep Nets Really Need to be Deep?", 2014): the student regresses the
 * teacher's logits with a squared error, optionally plus the label loss: {@code MSE(student, teacher) +
 * labelWeight * CE}.
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
        ctx.train(ctx.student(), batch -> {
            Tensor s = ctx.student().forward(batch.inputs());
            Tensor mimic = ctx.term("mimic", Losses.mse(s, ctx.teacherLogits(batch)));
            return p.labelWeight() == 0 ? mimic
                    : mimic.add(ctx.term("ce", Losses.crossEntropy(s, batch.labels())).mul(p.labelWeight()));
        });
    }
}
