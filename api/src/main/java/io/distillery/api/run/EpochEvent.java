package io.distillery.api.run;

/**
 * An epoch started or finished.
 *
 * @param run the run's id
 * @param phase what is being trained, such as {@code teacher}, {@code baseline}, {@code student}
 * @param epoch the 0-based epoch
 * @param epochs the phase's number of epochs
 * @param backend the backend the epoch ran on (its last step's, if it moved)
 * @param metrics the epoch's measurements, empty when it starts: the mean of each loss term by its name and their
 *        weighted total {@code loss}, {@code train_accuracy}, {@code val_accuracy} and {@code test_accuracy} where
 *        measured, {@code samples_per_s}, {@code learning_rate}, {@code seconds}, {@code data_wait_s}
 */
public record EpochEvent(String run, String phase, int epoch, int epochs, String backend, Metrics metrics) {
}
