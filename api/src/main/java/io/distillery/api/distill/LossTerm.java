package io.distillery.api.distill;

import io.distillery.api.data.Batch;
import io.distillery.api.tensor.Tensor;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * One step's loss for one batch: what a strategy hands to {@link DistillationContext#train}. Terms from
 * several strategies can be weighted and added. Implemented by strategies, usually as a lambda.
 */
@ConsumerType
@FunctionalInterface
public interface LossTerm {

    /**
     * @param batch the step's batch
     * @return a scalar loss to minimise
     */
    Tensor loss(Batch batch);
}
