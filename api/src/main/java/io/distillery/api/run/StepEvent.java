package io.distillery.api.run;

/**
 * One training step finished.
 *
 * @param run the run's id
 * @param phase what is being trained, such as {@code teacher}, {@code baseline}, {@code student}
 * @param epoch the 0-based epoch
 * @param step the 0-based step within the epoch
 * @param stepsPerEpoch the epoch's number of steps
 * @param examples the examples in this step's batch
 * @param losses each loss term's value, and their weighted total as {@code loss}
 */
public record StepEvent(String run, String phase, int epoch, int step, int stepsPerEpoch, int examples, Metrics losses) {
}
