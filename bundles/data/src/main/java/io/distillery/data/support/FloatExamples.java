package io.distillery.data.support;

import java.util.Objects;

import io.distillery.api.tensor.Shape;

/** Examples held as floats, for tabular data and time series whose values are not bytes. */
public final class FloatExamples extends LabelledExamples {
    private final float[] values;

    /**
     * @param name the data set's name
     * @param inputShape the shape of one example, e.g. {@code [1, 140]} for a univariate series
     * @param classCount the number of classes
     * @param values every example's values, example after example in row-major order; kept, not copied
     * @param labels one label per example; kept, not copied
     * @throws IllegalArgumentException if the value count does not match the labels and the shape
     */
    public FloatExamples(String name, Shape inputShape, int classCount, float[] values, int[] labels) {
        super(name, inputShape, classCount, labels);
        this.values = Objects.requireNonNull(values, "values");
        if ((long) labels.length * inputShape.size() != values.length) {
            throw new IllegalArgumentException(name + ": " + values.length + " values do not make "
                    + labels.length + " examples of " + inputShape);
        }
    }

    @Override
    public void input(int index, float[] dst, int offset) {
        int n = inputShape().size();
        System.arraycopy(values, Objects.checkIndex(index, size()) * n, dst, offset, n);
    }
}
