package io.distillery.api.data;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Splits data sets and serves them in batches. A service registered by the data pipeline bundle; every
 * split is seeded and returns views that share the original's examples, never copies.
 */
@ProviderType
public interface DataPipeline {

    /**
     * @param source a data set
     * @param indices the examples to keep, in this order
     * @param name the view's name
     * @return a view of those examples
     * @throws IndexOutOfBoundsException naming the first bad index
     */
    Dataset subset(Dataset source, int[] indices, String name);

    /**
     * Holds out a random part, such as a validation set.
     *
     * @param source a data set
     * @param count the examples to hold out, at least 1 and fewer than the data set has
     * @param seed the seed of the random choice
     * @return the rest ({@code first}) and the held-out part ({@code second})
     */
    Partition holdOut(Dataset source, int count, long seed);

    /**
     * Holds out a random fraction, such as a validation set.
     *
     * @param source a data set
     * @param fraction the share to hold out, in (0, 1); rounded to a whole number of examples, at least 1
     * @param seed the seed of the random choice
     * @return the rest ({@code first}) and the held-out part ({@code second})
     */
    default Partition holdOut(Dataset source, double fraction, long seed) {
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException("hold-out fraction must be in (0, 1), got " + fraction);
        }
        return holdOut(source, (int) Math.max(1, Math.round(fraction * source.size())), seed);
    }

    /**
     * Keeps the labels of {@code perClass} random examples of each class, for semi-supervised methods.
     *
     * @param source a data set
     * @param perClass labelled examples per class
     * @param seed the seed of the random choice
     * @return the labelled part ({@code first}) and the rest ({@code second}), whose labels a method must not use
     * @throws IllegalArgumentException if a class has fewer examples than {@code perClass}, naming it
     */
    Partition labelledPerClass(Dataset source, int perClass, long seed);

    /**
     * @param dataset the data set to serve
     * @param options batching, shuffling, transforms, seed and prefetch
     * @return the loader, to close when done
     */
    Loader loader(Dataset dataset, LoaderOptions options);
}
