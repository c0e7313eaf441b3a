package io.distillery.dataset.synthetic;

import io.distillery.api.data.Dataset;
import io.distillery.api.tensor.SeededRandom;

/**
 * Makes one part of a synthetic data set. What the parts share (cluster centres, class templates) comes from
 * {@code task}, so training and test examples are drawn from the same distribution; the examples themselves
 * come from {@code examples}, which differs per part.
 */
@FunctionalInterface
interface Generator {

    /**
     * @param name the part's name
     * @param count the number of examples; example {@code i} has class {@code i % classes}
     * @param task a generator seeded the same for every part
     * @param examples a generator for this part's examples
     * @return the part
     */
    Dataset generate(String name, int count, SeededRandom task, SeededRandom examples);
}
