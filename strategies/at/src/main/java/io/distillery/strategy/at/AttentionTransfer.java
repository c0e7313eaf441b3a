package io.distillery.strategy.at;

import java.util.List;
import java.util.Map;

import io.distillery.api.distill.DistillationContext;
import io.distillery.api.distill.DistillationStrategy;
import io.distillery.api.distill.LossTerm;
import io.distillery.api.tensor.Tensor;

import org.osgi.service.component.annotations.Component;

/**
 * Attention transfer (Zagoruyko and Komodakis, "Paying More Attention to Attention: Improving the Performance of
 * Convolutional Neural Networks via Attention Transfer", ICLR 2017): the student learns the labels while matching
 * the teacher's spatial attention maps at chosen layer pairs, optionally with soft targets too:
 * {@code (1 - alpha) * ce + alpha * kd + beta / 2 * at}, with the {@code ce} and {@code kd} terms and the
 * {@code at} term of {@link AttentionLoss}.
 *
 * <pre>
 * strategy: {name: at, beta: 1000, pairs: [{student: conv4, teacher: conv2}, {student: conv6, teacher: conv3}]}
 * </pre>
 *
 * Pairs must have the same spatial size; channel counts may differ. Paths and shapes are checked before training.
 */
@Component(property = {DistillationStrategy.NAME + "=at",
    DistillationStrategy.DESCRIPTION + "=Attention transfer: match the teacher's attention maps (Zagoruyko and Komodakis 2017)"})
public final class AttentionTransfer implements DistillationStrategy {

    /**
     * The strategy's settings.
     *
     * @param pairs the layer pairs, each {@code {student: PATH, teacher: PATH}}
     * @param beta the weight of the attention term is {@code beta / 2}, not below 0
     * @param p the exponent of the feature magnitudes in the maps, above 0
     * @param alpha the weight of the soft-target term, in [0, 1]; 0 (the default) leaves it out
     * @param temperature the soft targets' temperature, above 0
     */
    public record Params(List<Map<String, Object>> pairs, double beta, double p, double alpha, double temperature) {
        /** The paper's {@code beta = 1000} and {@code p = 2}, no soft targets, and its KD temperature 4. */
        public static final Params DEFAULTS = new Params(List.of(), 1000, 2, 0, 4);

        /** @throws IllegalArgumentException on a value outside its range */
        public Params {
            if (!(beta >= 0)) {
                throw new IllegalArgumentException("beta must not be below 0, got " + beta);
            }
            if (!(p > 0)) {
                throw new IllegalArgumentException("p must be above 0, got " + p);
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
        List<AttentionPair> pairs = AttentionPair.list(ctx, p.pairs(), "strategy");
        LossTerm ce = ctx.lossTerm("ce", Map.of(), "strategy");
        // only ask for the kd term when it counts, so that a run without soft targets needs no kd bundle
        LossTerm kd = p.alpha() > 0 ? ctx.lossTerm("kd", Map.of("temperature", p.temperature()), "strategy") : null;
        try (AttentionLoss at = AttentionLoss.open(ctx, pairs, p.p(), "strategy")) {
            ctx.train(ctx.student(), batch -> {
                Tensor loss = ce.loss(batch).mul(1 - p.alpha()).add(at.loss(batch).mul(p.beta() / 2));
                return kd == null ? loss : loss.add(kd.loss(batch).mul(p.alpha()));
            });
        }
    }
}
