package io.distillery.data.support;

import java.util.Arrays;

/** A growing array of floats, for readers of text formats that learn the number of examples as they go. */
public final class FloatColumn {
    private float[] values = new float[1024];
    private int size;

    /** @param value the value to append */
    public void add(float value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, Math.max(size * 2, size + 1));
        }
        values[size++] = value;
    }

    /** @return the number of values appended */
    public int size() {
        return size;
    }

    /** @return the values appended, exactly {@link #size()} of them */
    public float[] toArray() {
        return values.length == size ? values : Arrays.copyOf(values, size);
    }
}
