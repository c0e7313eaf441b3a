package io.distillery.api.tensor;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A float32 array with a shape, living on the current backend, that records the operations made with it so
 * that gradients can flow back through them.
 *
 * <p>Operations never modify their operands; each returns a new tensor owned by the calling thread's innermost
 * {@link Scope}. Binary operations broadcast as NumPy does: shapes are aligned from the last axis, and an
 * axis of size 1 (or a missing leading axis) stretches to match the other operand. Axis arguments may be
 * negative, counting from the end. Integer-valued tensors (labels, indices, masks) are stored as floats,
 * which is exact up to 2<sup>24</sup>.
 *
 * <p>A result requires a gradient when any operand does. {@link #backward()} on a scalar computes the
 * gradient of that scalar with respect to every tensor that requires one and accumulates it into their
 * {@link #grad()}. Operations whose derivative is zero almost everywhere ({@link #sign()}, {@link #round()})
 * pass the gradient straight through instead, as quantization-aware training needs; comparisons pass none.
 *
 * <p>Shape mismatches fail with an {@link IllegalArgumentException} naming the operation and both shapes.
 * Implemented by the engine; strategies, models and losses only call it.
 */
@ProviderType
public interface Tensor {

    /** @return the shape */
    Shape shape();

    /** @return the number of axes */
    default int rank() {
        return shape().rank();
    }

    /**
     * @param axis an axis, negative counting from the end
     * @return the size of that axis
     */
    default int dim(int axis) {
        return shape().dim(axis);
    }

    /** @return the number of elements */
    default int size() {
        return shape().size();
    }

    /**
     * @return the value of a one-element tensor
     * @throws IllegalStateException if the tensor has more than one element
     */
    float item();

    /** @return a copy of the values in row-major order */
    float[] toArray();

    /** @return a backend-neutral copy of shape and values */
    default TensorData data() {
        return new TensorData(shape(), toArray());
    }

    // ---- autograd

    /** @return whether gradients flow into this tensor */
    boolean requiresGrad();

    /** @return the gradient accumulated by {@link #backward()}, or {@code null} if none has been computed */
    Tensor grad();

    /** @return a tensor with the same values that is cut off from the autograd graph */
    Tensor detach();

    /**
     * Computes the gradient of this scalar with respect to every tensor it was computed from that requires a
     * gradient, and adds it to their {@link #grad()}.
     *
     * @throws IllegalStateException if this tensor is not a scalar (use {@link #backward(Tensor)}) or does
     *         not require a gradient
     */
    void backward();

    /**
     * Back-propagates a given gradient of some scalar with respect to this tensor.
     *
     * @param gradient a tensor of this tensor's shape
     */
    void backward(Tensor gradient);

    // ---- element-wise arithmetic, broadcasting

    /** @param other the addend @return {@code this + other} */
    Tensor add(Tensor other);

    /** @param value the addend @return {@code this + value} */
    Tensor add(double value);

    /** @param other the subtrahend @return {@code this - other} */
    Tensor sub(Tensor other);

    /** @param value the subtrahend @return {@code this - value} */
    Tensor sub(double value);

    /** @param other the factor @return {@code this * other}, element-wise */
    Tensor mul(Tensor other);

    /** @param value the factor @return {@code this * value} */
    Tensor mul(double value);

    /** @param other the divisor @return {@code this / other}, element-wise */
    Tensor div(Tensor other);

    /** @param value the divisor @return {@code this / value} */
    Tensor div(double value);

    /** @param exponent the exponent @return {@code this} raised to it, element-wise */
    Tensor pow(double exponent);

    /** @param other the other operand @return the element-wise maximum */
    Tensor maximum(Tensor other);

    /** @param other the other operand @return the element-wise minimum */
    Tensor minimum(Tensor other);

    // ---- comparisons: 1 where true, 0 where false; no gradient

    /** @param other the other operand @return 1 where {@code this == other} */
    Tensor eq(Tensor other);

    /** @param other the other operand @return 1 where {@code this > other} */
    Tensor gt(Tensor other);

    /** @param other the other operand @return 1 where {@code this >= other} */
    Tensor ge(Tensor other);

    /** @param other the other operand @return 1 where {@code this < other} */
    Tensor lt(Tensor other);

    /** @param other the other operand @return 1 where {@code this <= other} */
    Tensor le(Tensor other);

    // ---- element-wise functions

    /** @return {@code -this} */
    Tensor neg();

    /** @return {@code e^this} */
    Tensor exp();

    /** @return the natural logarithm */
    Tensor log();

    /** @return the square root */
    Tensor sqrt();

    /** @return the absolute value; its gradient at 0 is 0 */
    Tensor abs();

    /** @return {@code max(this, 0)} */
    Tensor relu();

    /** @param slope the slope for negative inputs @return {@code this > 0 ? this : slope * this} */
    Tensor leakyRelu(double slope);

    /** @return the logistic sigmoid */
    Tensor sigmoid();

    /** @return the hyperbolic tangent */
    Tensor tanh();

    /** @return -1, 0 or 1 by sign; the gradient passes straight through */
    Tensor sign();

    /** @return the nearest integer, halves away from zero; the gradient passes straight through */
    Tensor round();

    /**
     * @param min the lower bound
     * @param max the upper bound
     * @return the values limited to {@code [min, max]}; the gradient is zero where a bound was applied
     */
    Tensor clamp(double min, double max);

    /**
     * @param axis the axis to normalise along
     * @return the softmax along that axis, computed stably (shifted by the maximum)
     */
    Tensor softmax(int axis);

    /**
     * @param axis the axis to normalise along
     * @return the logarithm of the softmax along that axis, computed stably
     */
    Tensor logSoftmax(int axis);

    // ---- reductions

    /** @return the sum of all elements, as a scalar */
    Tensor sum();

    /**
     * @param axis the axis to sum over
     * @param keepDim whether to keep that axis with size 1
     * @return the sums
     */
    Tensor sum(int axis, boolean keepDim);

    /** @return the mean of all elements, as a scalar */
    Tensor mean();

    /**
     * @param axis the axis to average over
     * @param keepDim whether to keep that axis with size 1
     * @return the means
     */
    Tensor mean(int axis, boolean keepDim);

    /**
     * @param axis the axis to reduce
     * @param keepDim whether to keep that axis with size 1
     * @return the maxima; the gradient goes to the first maximal element
     */
    Tensor max(int axis, boolean keepDim);

    /**
     * @param axis the axis to search
     * @return the index of the first maximum along the axis, the axis removed; no gradient
     */
    Tensor argmax(int axis);

    // ---- shape

    /**
     * @param dims the new shape; one entry may be -1 and is then inferred
     * @return the same values in a new shape
     */
    Tensor reshape(int... dims);

    /**
     * @param fromAxis the first axis to merge
     * @return this tensor with the axes from {@code fromAxis} on merged into one
     */
    Tensor flatten(int fromAxis);

    /**
     * @param axis where the new axis goes, in the result
     * @return this tensor with a new axis of size 1
     */
    Tensor unsqueeze(int axis);

    /**
     * @param axis an axis of size 1
     * @return this tensor without it
     */
    Tensor squeeze(int axis);

    /**
     * @param axis1 an axis
     * @param axis2 another axis
     * @return this tensor with the two axes swapped
     */
    Tensor transpose(int axis1, int axis2);

    /**
     * @param axes a permutation of {@code 0..rank-1}: result axis {@code i} is this tensor's axis {@code axes[i]}
     * @return the permuted tensor
     */
    Tensor permute(int... axes);

    /**
     * @param axis the axis to slice
     * @param start the first index, inclusive
     * @param end the last index, exclusive
     * @return the elements in {@code [start, end)} along the axis
     */
    Tensor slice(int axis, int start, int end);

    /**
     * @param dims the target shape, which this shape must broadcast to
     * @return this tensor repeated along its size-1 (and missing leading) axes; the gradient is summed back
     */
    Tensor expand(int... dims);

    /**
     * Picks elements along an axis by index, like NumPy's {@code take_along_axis}.
     *
     * @param axis the axis to pick along
     * @param index integer-valued indices, of this tensor's shape except along {@code axis}
     * @return {@code out[..., j, ...] = this[..., index[..., j, ...], ...]}
     * @throws IndexOutOfBoundsException if an index is outside the axis
     */
    Tensor gather(int axis, Tensor index);

    /**
     * @param mask a tensor of this shape (or broadcastable to it) holding 1 where an element is selected
     * @return the selected elements in row-major order, as a one-axis tensor
     */
    Tensor maskedSelect(Tensor mask);

    // ---- linear algebra

    /**
     * Matrix product over the last two axes; leading axes are batch axes and broadcast.
     * A one-axis operand is treated as a row (left) or column (right) vector and that axis is dropped.
     *
     * @param other the right operand, {@code [..., k, n]} for this {@code [..., m, k]}
     * @return the product, {@code [..., m, n]}
     */
    Tensor matmul(Tensor other);
}
