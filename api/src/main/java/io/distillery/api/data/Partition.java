package io.distillery.api.data;

import java.util.Objects;

/**
 * A data set cut in two disjoint parts, such as training and validation, or labelled and unlabelled.
 *
 * @param first the first part (what is kept, or what is labelled)
 * @param second the second part (what is held out, or what is unlabelled)
 */
public record Partition(Dataset first, Dataset second) {

    /** Requires both parts. */
    public Partition {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(second, "second");
    }
}
