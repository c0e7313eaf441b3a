package io.distillery.strategy.baseline;

import java.util.Map;

import io.distillery.api.distill.DistillationContext;
import io.distillery.api.distill.LossTerm;
import io.distillery.api.distill.LossTermProvider;
import io.distillery.api.tensor.Losses;

import org.osgi.service.component.annotations.Component;

/**
 * The {@code ce} loss term: cross-entropy of the student's output on the labels, with optional label smoothing;
 * reported as {@code ce}.
 */
@Component(property = {LossTermProvider.NAME + "=ce",
    LossTermProvider.DESCRIPTION + "=Cross-entropy on the labels, optionally smoothed"})
public final class CrossEntropyTerm implements LossTermProvider {

    /**
     * The term's options.
     *
     * @param labelSmoothing the mass spread over all classes (Szegedy et al. 2016), in [0, 1)
     */
    public record Options(double labelSmoothing) {
        /** No label smoothing. */
        public static final Options DEFAULTS = new Options(0);

        /** @throws IllegalArgumentException on a smoothing outside [0, 1) */
        public Options {
            if (!(labelSmoothing >= 0 && labelSmoothing < 1)) {
                throw new IllegalArgumentException("label_smoothing must be in [0, 1), got " + labelSmoothing);
            }
        }
    }

    @Override
    public LossTerm create(DistillationContext ctx, Map<String, Object> options, String configKey) {
        return of(ctx, ctx.bind(Options.class, options, configKey));
    }

    static LossTerm of(DistillationContext ctx, Options o) {
        return batch -> ctx.term("ce", Losses.crossEntropy(ctx.studentLogits(batch), batch.labels(), o.labelSmoothing()));
    }
}
