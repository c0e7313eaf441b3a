package io.distillery.api.run;

import java.util.Map;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Receives the events of every run (whiteboard pattern: register it as a service). Events arrive on the
 * training thread in order; a listener must return quickly and must not throw. Every method does nothing
 * by default. Implemented by progress displays, metric writers, reports and dashboards.
 */
@ConsumerType
public interface RunListener {

    /** @param run the run that starts */
    default void runStarted(RunInfo run) {
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
     * @param run the run that finished
     * @param summary the final measurements of each model the run reports on, by role ({@code teacher},
     *        {@code baseline}, {@code student}, ...): test accuracy and errors, parameters, multiply-accumulates,
     *        bytes, latency
     */
    default void runFinished(RunInfo run, Map<String, Metrics> summary) {
    }

    /**
     * @param run the run that stopped
     * @param failure why it stopped
     */
    default void runFailed(RunInfo run, Throwable failure) {
    }
}
