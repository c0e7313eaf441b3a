package io.distillery.strategy.composite;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.distillery.api.data.Batch;
import io.distillery.api.distill.DistillationContext;
import io.distillery.api.distill.DistillationStrategy;
import io.distillery.api.distill.LossTerm;
import io.distillery.api.tensor.Tensor;

import org.osgi.service.component.annotations.Component;

/**
 * Trains the student on a weighted sum of loss terms that any bundles register ({@code loss.name}), so that
 * methods combine in one run:
 *
 * <pre>
 * strategy:
 *   name: composite
 *   terms:
 *     - {name: ce, weight: 0.1}
 *     - {name: kd, weight: 0.9, temperature: 4}
 *     - {name: at, weight: 1000, pairs: [...]}
 * </pre>
 *
 * Each term sees the same student forward pass of the step. A term's options are everything but {@code name}
 * and {@code weight} (default 1).
 */
@Component(property = {DistillationStrategy.NAME + "=composite",
    DistillationStrategy.DESCRIPTION + "=Weighted sum of loss terms from any bundles (ce, kd, at, ...)"})
public final class Composite implements DistillationStrategy {

    /**
     * The strategy's settings.
     *
     * @param terms the terms, each a map with {@code name}, optional {@code weight} and the term's options
     */
    public record Params(List<Map<String, Object>> terms) {
        /** @throws IllegalArgumentException when there is no term */
        public Params {
            if (terms.isEmpty()) {
                throw new IllegalArgumentException("terms must list at least one loss term");
            }
        }
    }

    private record Weighted(double weight, LossTerm term) {
    }

    @Override
    public void run(DistillationContext ctx) {
        List<Weighted> terms = new ArrayList<>();
        List<Map<String, Object>> given = ctx.parameters(Params.class).terms();
        for (int i = 0; i < given.size(); i++) {
            Map<String, Object> options = new LinkedHashMap<>(given.get(i));
            String path = "strategy.terms[" + i + "]";
            if (!(options.remove("name") instanceof String name)) {
                throw new IllegalArgumentException("config key '" + path + ".name' must name a loss term");
            }
            Object w = options.remove("weight");
            if (w != null && !(w instanceof Number n && n.doubleValue() >= 0)) {
                throw new IllegalArgumentException("config key '" + path + ".weight' must be a number not below 0, got " + w);
            }
            terms.add(new Weighted(w == null ? 1 : ((Number) w).doubleValue(), ctx.lossTerm(name, options, path)));
        }
        ctx.train(ctx.student(), batch -> sum(terms, batch));
    }

    private static Tensor sum(List<Weighted> terms, Batch batch) {
        Tensor total = null;
        for (Weighted t : terms) {
            Tensor v = t.term().loss(batch).mul(t.weight());
            total = total == null ? v : total.add(v);
        }
        return total;
    }
}
