package io.distillery.report;

import io.distillery.api.run.Metrics;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/**
 * The size of the test set, which the summary does not state but implies: a model with {@code e} test errors at
 * accuracy {@code a} was tested on {@code e / (1 - a)} examples.
 */
final class TestSet {

    private TestSet() {}

    /**
     * Derives the size from the model with the most errors, whose accuracy, rounded as it may be in the summary,
     * gives the most precise answer; every model is tested on the same set.
     *
     * @param models the final measurements of each model
     * @return the size, or nothing where no model has both errors and an accuracy below 1
     */
    static Optional<Double> size(Collection<Metrics> models) {
        return models.stream()
                .filter(m -> m.values().containsKey("test_errors") && m.values().containsKey("test_accuracy"))
                .filter(m -> m.get("test_errors") > 0 && m.get("test_accuracy") < 1)
                .max(Comparator.comparingDouble(m -> m.get("test_errors")))
                .map(m -> (double) Math.round(m.get("test_errors") / (1 - m.get("test_accuracy"))));
    }
}
