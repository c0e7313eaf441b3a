package io.distillery.api.distill;

import java.util.Map;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Makes one kind of per-step loss term from config options, so that strategies can be combined: the
 * {@code composite} strategy sums weighted terms from several bundles, and a staged strategy can reuse another's
 * term (FitNets' second stage uses the {@code kd} term). Register as a service with {@value #NAME} and
 * {@value #DESCRIPTION}. Implemented by strategy bundles.
 */
@ConsumerType
public interface LossTermProvider {

    /** Service property: the term's short name, used in configs. */
    String NAME = "loss.name";

    /** Service property: a one-line description for listings. */
    String DESCRIPTION = "loss.description";

    /**
     * Prepares a term for a phase: binds and checks its options and opens the taps it reads. The term computes the
     * student's output through {@link DistillationContext#studentLogits}, so terms combined in one step share one
     * forward pass.
     *
     * @param context the phase
     * @param options the term's options from the config (without {@code name} and {@code weight})
     * @param configKey where the options stand in the config ({@code strategy.terms[1]}), for messages
     * @return the term
     * @throws IllegalArgumentException naming an unknown or invalid option, or a tap path that does not exist
     */
    LossTerm create(DistillationContext context, Map<String, Object> options, String configKey);
}
