package io.distillery.strategy.fsp;

import java.util.List;
import java.util.Map;

import io.distillery.api.distill.DistillationContext;
import io.distillery.api.distill.DistillationStrategy;
import io.distillery.api.distill.LossTerm;
import io.distillery.api.distill.StageOptions;
import io.distillery.api.tensor.Tensor;

import org.osgi.service.component.annotations.Component;

/**
 * Distillation of the flow of solution procedure (Yim, Joo, Bae and Kim, "A Gift from Knowledge Distillation: Fast
 * Optimization, Network Minimization and Transfer Learning", CVPR 2017) in the paper's two stages: first the student
 * learns to reproduce the teacher's FSP matrices (the {@code fsp} term of {@link FspLoss}) for {@code fsp_epochs}
 * epochs, then it learns the task for the rest of the configured epochs, so that it trains as many epochs in all as
 * the baseline it is compared with: on the labels with the {@code ce} term, or with soft targets too,
 * {@code (1 - alpha) * ce + alpha * kd}.
 *
 * <pre>
 * strategy: {name: fsp, fsp_epochs: 2, pairs: [{student: [pool1, conv3], teacher: [pool1, conv2]}]}
 * </pre>
 *
 * In each model the two layers of a pair must have the same spatial size, and the student's layers the channel
 * counts of the teacher's; paths and shapes are checked before training.
 */
@Component(property = {DistillationStrategy.NAME + "=fsp",
    DistillationStrategy.DESCRIPTION + "=Flow of solution procedure: the teacher's FSP matrices, then the task (Yim et al. 2017)"})
public final class FlowOfSolution implements DistillationStrategy {

    /**
     * The strategy's settings.
     *
     * @param pairs the matrices to compare, each {@code {student: [FIRST, SECOND], teacher: [FIRST, SECOND]}}
     * @param fspEpochs the epochs of the FSP stage, taken from the configured ones
     * @param fspLr the FSP stage's base learning rate, or {@code null} for the configured one
     * @param alpha the weight of the soft-target term in the task stage, in [0, 1]; 0 (the default) leaves it out
     * @param temperature the soft targets' temperature, above 0
     */
    public record Params(List<Map<String, Object>> pairs, int fspEpochs, Double fspLr, double alpha, double temperature) {
        /** One FSP epoch at the configured learning rate, then the labels alone. */
        public static final Params DEFAULTS = new Params(List.of(), 1, null, 0, 4);

        /** @throws IllegalArgumentException on a value outside its range */
        public Params {
            if (fspEpochs < 1) {
                throw new IllegalArgumentException("fsp_epochs must be at least 1, got " + fspEpochs);
            }
            if (fspLr != null && !(fspLr > 0)) {
                throw new IllegalArgumentException("fsp_lr must be above 0, got " + fspLr);
            }
            if (!(alpha >= 0 && alpha <= 1)) {
                throw new IllegalArgumentException("alpha must be in [0, 1], got " + alpha);
            }
            if (!(temperature > 0)) {
                throw new IllegalArgumentException("temperature must be above 0, got " + temperature);
            }
        }
    }

    @Override
    public void run(DistillationContext ctx) {
        Params p = ctx.parameters(Params.class);
        List<FspPair> pairs = FspPair.list(ctx, p.pairs(), "strategy");
        int epochs = (int) ctx.spec().integer("train.epochs");
        if (p.fspEpochs() >= epochs) {
            throw new IllegalArgumentException("config key 'strategy.fsp_epochs' is " + p.fspEpochs() + " but the two stages "
                    + "share the " + epochs + " epochs of 'train.epochs'; leave the task stage at least one");
        }
        LossTerm ce = ctx.lossTerm("ce", Map.of(), "strategy");
        // only ask for the kd term when it counts, so that a run without soft targets needs no kd bundle
        LossTerm kd = p.alpha() > 0 ? ctx.lossTerm("kd", Map.of("temperature", p.temperature()), "strategy") : null;
        try (FspLoss fsp = FspLoss.open(ctx, pairs, "strategy")) {
            ctx.train(ctx.student(), fsp, new StageOptions(p.fspEpochs(), p.fspLr()));
        }
        ctx.train(ctx.student(), batch -> {
            Tensor loss = ce.loss(batch).mul(1 - p.alpha());
            return kd == null ? loss : loss.add(kd.loss(batch).mul(p.alpha()));
        }, new StageOptions(epochs - p.fspEpochs(), null));
    }
}
