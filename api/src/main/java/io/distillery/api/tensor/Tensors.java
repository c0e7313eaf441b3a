package io.distillery.api.tensor;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.random.RandomGenerator;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Makes tensors on the current backend, combines several of them, and opens the scopes they live in.
 *
 * <p>This is a service registered by the engine. Every method that makes a tensor needs an open
 * {@link Scope} on the calling thread, except {@link #parameter(TensorData, boolean)}. Random tensors take an
 * explicit generator: random numbers never come from a backend, so one seed gives the same run everywhere.
 */
@ProviderType
public interface Tensors {

    /**
     * Opens a scope nested in the calling thread's current one.
     *
     * @return the scope, to close with try-with-resources
     */
    Scope scope();

    /**
     * Turns off gradient recording on the calling thread until the returned handle is closed, for
     * evaluation and teacher forward passes.
     *
     * @return the handle restoring the previous mode when closed
     */
    NoGrad noGrad();

    /** @return the name of the backend new tensors are made on ({@code backend.name}) */
    String backendName();

    /**
     * Runs a task beside the calling thread, on a thread the current backend lends (see
     * {@code Backend.aside}), so that independent work overlaps the caller's: a frozen teacher's forward pass
     * over the next batch while the student trains on this one. A backend without threads of its own runs it
     * at once, on the calling thread.
     *
     * <p>The task may run on another thread or on the caller's, so it opens a scope of its own for the tensors it
     * makes, turns gradient recording off itself where it needs no gradient, and hands back host values such as
     * {@link TensorData}, never tensors, which its scope releases. It may only read tensors that outlive it, such
     * as parameters the caller does not update meanwhile.
     *
     * <pre>{@code
     * Future<TensorData> next = tensors.aside(() -> {
     *     try (Scope s = tensors.scope(); NoGrad off = tensors.noGrad()) {
     *         return teacher.forward(tensors.of(nextInputs)).data();
     *     }
     * });
     * }</pre>
     *
     * @param task the work
     * @param <T> its result's type
     * @return its outcome; where the task has not started yet, {@link Future#get()} runs it on the waiting thread
     */
    <T> Future<T> aside(Callable<T> task);

    /**
     * Waits for a task run {@link #aside(Callable) aside} and returns its result. It waits on through an interrupt,
     * which it keeps set for the caller: the task may read tensors that the caller releases once this returns.
     *
     * @param task the task's outcome
     * @param <T> its result's type
     * @return its result
     * @throws RuntimeException the task's own, or an {@link IllegalStateException} around another failure
     */
    static <T> T await(Future<T> task) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return task.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof RuntimeException r ? r
                            : new IllegalStateException("a task run aside failed", e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    // ---- making tensors

    /**
     * @param shape the shape
     * @param values the values in row-major order, {@code shape.size()} of them
     * @return a new tensor holding a copy of the values
     */
    Tensor of(Shape shape, float... values);

    /**
     * @param data shape and values
     * @return a new tensor holding a copy of them
     */
    Tensor of(TensorData data);

    /** @param value the value @return a rank-0 tensor */
    Tensor scalar(double value);

    /** @param shape the shape @return a tensor of zeros */
    Tensor zeros(Shape shape);

    /** @param shape the shape @return a tensor of ones */
    Tensor ones(Shape shape);

    /** @param shape the shape @param value the value @return a tensor filled with the value */
    Tensor full(Shape shape, double value);

    /** @param n the length @return {@code [0, 1, ..., n-1]} */
    Tensor arange(int n);

    /**
     * @param shape the shape
     * @param random the generator to draw from
     * @return values uniform in {@code [0, 1)}
     */
    Tensor rand(Shape shape, RandomGenerator random);

    /**
     * @param shape the shape
     * @param random the generator to draw from
     * @return values from the standard normal distribution
     */
    Tensor randn(Shape shape, RandomGenerator random);

    /**
     * Makes a parameter: a tensor outside every scope that lives until released.
     *
     * @param initial its shape and initial values
     * @param trainable whether it is trained (a weight) or only saved (a running statistic)
     * @return the parameter
     */
    Parameter parameter(TensorData initial, boolean trainable);

    // ---- combining tensors

    /**
     * @param axis the axis to join along
     * @param parts tensors of equal shape except along that axis
     * @return the tensors joined along the axis
     */
    Tensor concat(int axis, List<Tensor> parts);

    /**
     * @param axis where the new axis goes in the result
     * @param parts tensors of equal shape
     * @return the tensors stacked along a new axis
     */
    Tensor stack(int axis, List<Tensor> parts);

    /**
     * @param condition 1 where {@code ifTrue} is taken, 0 where {@code ifFalse} is
     * @param ifTrue values where the condition holds
     * @param ifFalse values where it does not
     * @return the element-wise choice, broadcasting all three; gradients flow only to the chosen operand
     */
    Tensor where(Tensor condition, Tensor ifTrue, Tensor ifFalse);

    /**
     * @param labels integer-valued class indices, any shape
     * @param classes the number of classes
     * @return a tensor of the labels' shape plus a last axis of {@code classes}, 1 at each label
     * @throws IndexOutOfBoundsException if a label is outside {@code [0, classes)}
     */
    Tensor oneHot(Tensor labels, int classes);
}
