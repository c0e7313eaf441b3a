package io.distillery.api.data;

import java.util.Objects;

/**
 * The parts a data set comes in.
 *
 * @param train the examples to learn from
 * @param test the held-out examples to report on
 */
public record DataSplits(Dataset train, Dataset test) {

    /** Requires both parts. */
    public DataSplits {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(test, "test");
    }
}
