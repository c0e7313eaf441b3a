package io.distillery.data.support;

import java.util.Objects;

import io.distillery.api.data.Dataset;
import io.distillery.api.tensor.Shape;

/**
 * The part every in-memory data set shares: a name, an input shape, a class count and one label per example.
 * Subclasses hold the inputs in their own compact form. Immutable, so reads are safe from any thread.
 */
public abstract class LabelledExamples implements Dataset {
    private final String name;
    private final Shape inputShape;
    private final int classCount;
    private final int[] labels;

    /**
     * @param name the data set's name, e.g. {@code mnist/train}
     * @param inputShape the shape of one example
     * @param classCount the number of classes
     * @param labels one label per example, each in {@code [0, classCount)}; kept, not copied
     * @throws IllegalArgumentException naming the first label out of range
     */
    protected LabelledExamples(String name, Shape inputShape, int classCount, int[] labels) {
        this.name = Objects.requireNonNull(name, "name");
        this.inputShape = Objects.requireNonNull(inputShape, "inputShape");
        this.classCount = classCount;
        this.labels = labels;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classCount) {
                throw new IllegalArgumentException(name + ": example " + i + " has label " + labels[i]
                        + ", outside [0, " + classCount + ")");
            }
        }
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final int size() {
        return labels.length;
    }

    @Override
    public final Shape inputShape() {
        return inputShape;
    }

    @Override
    public final int classCount() {
        return classCount;
    }

    @Override
    public final int label(int index) {
        return labels[Objects.checkIndex(index, labels.length)];
    }

    @Override
    public String toString() {
        return name + " (" + size() + " examples of " + inputShape + ", " + classCount + " classes)";
    }
}
