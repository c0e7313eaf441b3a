package io.distillery.api.run;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Receives the events of every run (whiteboard pattern: register it as a service). Events arrive on the
 * training thread in order; a listener must return quickly and must not throw. Every method does nothing
 * by default. Implemented by progress displays, metric writers and dashboards.
 */
@ConsumerType
public interface RunListener {

    /**
     * @param run the run's id
     * @param spec its resolved config
     */
    default void runStarted(String run, RunSpec spec) {
    }

    /** @param event the epoch that starts */
    default void epochStarted(EpochEvent event) {
    }

    /** @param event the step that finished */
    default void stepFinished(StepEvent event) {
    }

    /** @param event the epoch that finished, with its measurements */
    default void epochFinished(EpochEvent event) {
    }

    /**
     * @param run the run's id
     * @param summary its final measurements
     */
    default void runFinished(String run, Metrics summary) {
    }

    /**
     * @param run the run's id
     * @param failure why it stopped
     */
    default void runFailed(String run, Throwable failure) {
    }
}
