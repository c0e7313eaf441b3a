package io.distillery.api.run;

/**
 * An epoch started or finished.
 *
 * @param run the run's id
 * @param phase what is being trained, such as {@code teacher}, {@code baseline}, {@code student}
 * @param epoch the 0-based epoch
 * @param epochs the phase's number of epochs
 * @param metrics the epoch's measurements (losses, accuracies, samples per second); empty when it starts
 */
public record EpochEvent(String run, String phase, int epoch, int epochs, Metrics metrics) {
}
