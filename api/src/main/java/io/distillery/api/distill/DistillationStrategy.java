package io.distillery.api.distill;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A distillation method: runs a whole procedure (one KD run, an assistant chain, born-again generations, a
 * cohort, pseudo-labelling rounds) through the calls of a {@link DistillationContext}.
 *
 * <pre>{@code
 * @Component(property = {"strategy.name=kd", "strategy.description=Soft targets at temperature T"})
 * public final class SoftTargets implements DistillationStrategy {
 *     public record Params(double temperature, double alpha) {}
 *     public void run(DistillationContext ctx) {
 *         Params p = ctx.parameters(Params.class);
 *         ctx.train(ctx.student(), batch -> {
 *             Tensor s = ctx.student().forward(batch.inputs());
 *             return Losses.crossEntropy(s, batch.labels()).mul(1 - p.alpha())
 *                    .add(Losses.softTargetKl(s, ctx.teacherLogits(batch), p.temperature()).mul(p.alpha()));
 *         });
 *     }
 * }
 * }</pre>
 *
 * Register as a service with {@value #NAME} and {@value #DESCRIPTION}. Implemented by strategy bundles.
 */
@ConsumerType
public interface DistillationStrategy {

    /** Service property: the method's short name, used in configs. */
    String NAME = "strategy.name";

    /** Service property: a one-line description for listings. */
    String DESCRIPTION = "strategy.description";

    /**
     * Runs the procedure.
     *
     * @param context the run's models, data and machinery
     * @throws Exception when the run fails; the framework reports it and keeps what was written
     */
    void run(DistillationContext context) throws Exception;
}
