package io.distillery.api.nn;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The learning rate as a function of training progress. Made by {@link Optimizers#schedule}; implemented by
 * the engine.
 */
@ProviderType
@FunctionalInterface
public interface LearningRateSchedule {

    /**
     * @param epoch progress in epochs, fractional within an epoch ({@code 2.5} is half-way through the third)
     * @return the learning rate to use there
     */
    double learningRate(double epoch);
}
