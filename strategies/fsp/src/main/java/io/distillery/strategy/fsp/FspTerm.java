package io.distillery.strategy.fsp;

import java.util.List;
import java.util.Map;

import io.distillery.api.distill.DistillationContext;
import io.distillery.api.distill.LossTerm;
import io.distillery.api.distill.LossTermProvider;

import org.osgi.service.component.annotations.Component;

/**
 * The {@code fsp} loss term: the distance between the student's and the teacher's FSP matrices (see
 * {@link FspLoss}), for the {@code composite} strategy to weigh against other terms, e.g. to train on the task and
 * the flow of solution procedure at once instead of in the paper's two stages:
 *
 * <pre>
 * strategy:
 *   name: composite
 *   terms:
 *     - {name: ce}
 *     - {name: fsp, weight: 0.1, pairs: [{student: [pool1, conv3], teacher: [pool1, conv2]}]}
 * </pre>
 */
@Component(property = {LossTermProvider.NAME + "=fsp",
    LossTermProvider.DESCRIPTION + "=Flow of solution procedure: L2 between Gram matrices of layer pairs (Yim et al. 2017)"})
public final class FspTerm implements LossTermProvider {
    /**
     * The term's options.
     *
     * @param pairs the matrices to compare, each {@code {student: [FIRST, SECOND], teacher: [FIRST, SECOND]}}
     */
    public record Options(List<Map<String, Object>> pairs) {
    }

    @Override
    public LossTerm create(DistillationContext ctx, Map<String, Object> options, String configKey) {
        Options o = ctx.bind(Options.class, options, configKey);
        return FspLoss.open(ctx, FspPair.list(ctx, o.pairs(), configKey), configKey);
    }
}
