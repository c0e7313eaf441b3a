package io.distillery.api.data;

import io.distillery.api.tensor.Shape;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A fixed, indexed set of labelled examples. Examples are held in whatever compact form suits the format
 * (bytes for images) and converted to floats one at a time, so that a data set is never held in memory twice.
 * Reads must be safe from several threads at once. Implemented by dataset bundles.
 */
@ConsumerType
public interface Dataset {

    /** @return a name for messages and reports, such as {@code mnist/train} */
    String name();

    /** @return the number of examples */
    int size();

    /** @return the shape of one example's input, without a batch axis, e.g. {@code [1, 28, 28]} */
    Shape inputShape();

    /** @return the number of classes; labels are in {@code [0, classCount)} */
    int classCount();

    /**
     * @param index an example, in {@code [0, size)}
     * @return its label
     */
    int label(int index);

    /**
     * Writes one example's input as floats.
     *
     * @param index an example, in {@code [0, size)}
     * @param dst where to write {@code inputShape().size()} values
     * @param offset the first position to write
     */
    void input(int index, float[] dst, int offset);
}
