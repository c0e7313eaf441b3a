package io.distillery.api.tensor;

import java.util.Arrays;
import java.util.Objects;

/**
 * An immutable, backend-neutral copy of a tensor's contents: its shape and its values in row-major order.
 *
 * <p>This is the form state dictionaries, checkpoints and backend moves use. Two instances are equal when
 * their shapes are equal and their values are equal bit for bit.
 *
 * @param shape the shape
 * @param values the values, {@code shape.size()} of them; copied on the way in and out
 */
public record TensorData(Shape shape, float[] values) {

    /**
     * @throws IllegalArgumentException if the number of values does not match the shape
     */
    public TensorData {
        Objects.requireNonNull(shape, "shape");
        values = values.clone();
        if (values.length != shape.size()) {
            throw new IllegalArgumentException(
                    "shape " + shape + " needs " + shape.size() + " values, got " + values.length);
        }
    }

    /** @return a copy of the values */
    @Override
    public float[] values() {
        return values.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TensorData t && shape.equals(t.shape) && Arrays.equals(values, t.values);
    }

    @Override
    public int hashCode() {
        return 31 * shape.hashCode() + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "TensorData" + shape;
    }
}
