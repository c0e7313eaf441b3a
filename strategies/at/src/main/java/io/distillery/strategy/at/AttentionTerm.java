package io.distillery.strategy.at;

import java.util.List;
import java.util.Map;

import io.distillery.api.distill.DistillationContext;
import io.distillery.api.distill.LossTerm;
import io.distillery.api.distill.LossTermProvider;

import org.osgi.service.component.annotations.Component;

/**
 * The {@code at} loss term: attention transfer at chosen layer pairs (see {@link AttentionLoss}), for the
 * {@code composite} strategy to weigh against other terms, as in Zagoruyko and Komodakis' AT + KD:
 *
 * <pre>
 * strategy:
 *   name: composite
 *   terms:
 *     - {name: ce, weight: 0.1}
 *     - {name: kd, weight: 0.9, temperature: 4}
 *     - {name: at, weight: 500, pairs: [{student: conv4, teacher: conv2}]}
 * </pre>
 *
 * (a weight of {@code beta / 2} with the paper's {@code beta = 1000}).
 */
@Component(property = {LossTermProvider.NAME + "=at",
    LossTermProvider.DESCRIPTION + "=Attention transfer: L2 between normalised spatial attention maps at layer pairs"})
public final class AttentionTerm implements LossTermProvider {
    /**
     * The term's options.
     *
     * @param pairs the layer pairs, each {@code {student: PATH, teacher: PATH}}
     * @param p the exponent of the feature magnitudes in the maps, above 0
     */
    public record Options(List<Map<String, Object>> pairs, double p) {
        /** No pair (the config must give them) and the paper's {@code p = 2}. */
        public static final Options DEFAULTS = new Options(List.of(), 2);

        /** @throws IllegalArgumentException on an exponent not above 0 */
        public Options {
            if (!(p > 0)) {
                throw new IllegalArgumentException("p must be above 0, got " + p);
            }
        }
    }

    @Override
    public LossTerm create(DistillationContext ctx, Map<String, Object> options, String configKey) {
        Options o = ctx.bind(Options.class, options, configKey);
        return AttentionLoss.open(ctx, AttentionPair.list(ctx, o.pairs(), configKey), o.p(), configKey);
    }
}
