package io.distillery.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One line of {@code metrics.jsonl}: a finished epoch of one stage of one phase, with its measurements.
 *
 * @param phase what was trained, such as {@code teacher}, {@code baseline}, {@code student}, {@code assistant-1}
 * @param stage the 0-based stage within the phase, for strategies that train in several
 * @param epoch the 0-based epoch within the stage
 * @param epochs the stage's planned number of epochs, 0 where the line does not say
 * @param backend the backend the epoch ran on, empty where the line does not say
 * @param metrics every other numeric field by name, in the line's order: loss terms, accuracies, throughput
 */
record EpochLine(String phase, int stage, int epoch, int epochs, String backend, Map<String, Double> metrics) {

    /** Copies the metrics, keeping their order. */
    EpochLine {
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }
}
