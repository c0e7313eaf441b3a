package io.distillery.testkit;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;

import io.distillery.api.tensor.Parameter;
import io.distillery.api.tensor.Scope;
import io.distillery.api.tensor.SeededRandom;
import io.distillery.api.tensor.Shape;
import io.distillery.api.tensor.Tensor;
import io.distillery.api.tensor.TensorData;
import io.distillery.api.tensor.Tensors;

/**
 * A finite-difference check of a scalar loss's gradients, for the losses strategies add: autograd's gradient with
 * respect to each input (and to any module parameters the loss reads) against the central difference
 * {@code (L(x + h) - L(x - h)) / 2h}, with the loss evaluated in float32 and the difference taken in double
 * precision. An element passes within {@code atol + rtol * max(|autograd|, |numeric|)}; inputs larger than
 * {@value #SAMPLED} elements are checked on a seeded random sample of them.
 *
 * <pre>{@code
 * new GradientCheck(LocalDistillery.tensors(), 1).input(4, 3, 5, 5).input(4, 6, 5, 5)
 *         .check("attention", in -> AttentionTerm.distance(in.get(0), in.get(1), 2));
 * }</pre>
 */
public final class GradientCheck {
    private static final int SAMPLED = 32;

    private final Tensors tensors;
    private final SeededRandom random;
    private final List<TensorData> inputs = new ArrayList<>();
    private final List<Parameter> parameters = new ArrayList<>();
    private double step = 1e-2;
    private double atol = 2e-3;
    private double rtol = 2e-2;

    /**
     * @param tensors where the loss runs
     * @param seed the seed of the inputs' values and of the sample of checked elements
     */
    public GradientCheck(Tensors tensors, long seed) {
        this.tensors = tensors;
        this.random = new SeededRandom(seed);
    }

    /**
     * @param dims the input's shape
     * @return this check with one more input, uniform in (-1, 1)
     */
    public GradientCheck input(int... dims) {
        Shape shape = Shape.of(dims);
        float[] v = new float[shape.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (2 * random.nextDouble() - 1);
        }
        inputs.add(new TensorData(shape, v));
        return this;
    }

    /**
     * @param data an input's shape and values
     * @return this check with one more input
     */
    public GradientCheck input(TensorData data) {
        inputs.add(data);
        return this;
    }

    /**
     * @param moduleParameters parameters the loss reads besides its inputs, such as a regressor's weights; their
     *        gradients are checked too, and their values restored afterwards
     * @return this check
     */
    public GradientCheck parameters(Collection<Parameter> moduleParameters) {
        parameters.addAll(moduleParameters);
        return this;
    }

    /**
     * @param h the finite-difference step
     * @param absolute the absolute tolerance
     * @param relative the relative tolerance
     * @return this check with other settings than {@code h = 1e-2, atol = 2e-3, rtol = 2e-2}
     */
    public GradientCheck tolerances(double h, double absolute, double relative) {
        this.step = h;
        this.atol = absolute;
        this.rtol = relative;
        return this;
    }

    /**
     * @param name what is checked, for messages
     * @param loss the loss of the inputs, in the order they were added; a scalar
     * @throws AssertionError naming the first element whose gradients disagree, or an input without a gradient
     */
    public void check(String name, Function<List<Tensor>, Tensor> loss) {
        List<Parameter> in = new ArrayList<>();
        inputs.forEach(d -> in.add(tensors.parameter(d, true)));
        List<Parameter> checked = new ArrayList<>(in);
        checked.addAll(parameters);
        checked.forEach(Parameter::zeroGrad);
        try {
            try (Scope s = tensors.scope()) {
                Tensor l = loss.apply(List.copyOf(in));
                if (l.size() != 1) {
                    throw new AssertionError(name + ": the loss must be a scalar, got shape " + l.shape());
                }
                l.backward();
            }
            for (int p = 0; p < checked.size(); p++) {
                compare(name, p, checked.get(p), in, loss);
            }
        } finally {
            in.forEach(Parameter::release);
        }
    }

    private void compare(String name, int p, Parameter x, List<Parameter> in, Function<List<Tensor>, Tensor> loss) {
        if (x.grad() == null) {
            throw new AssertionError(name + ": input " + p + " " + x.shape() + " received no gradient");
        }
        float[] analytic;
        try (Scope s = tensors.scope()) {
            analytic = x.grad().toArray();
        }
        TensorData original = x.data();
        try {
            for (int i : elements(analytic.length)) {
                float[] moved = original.values().clone();
                float up = (float) (moved[i] + step);
                float down = (float) (moved[i] - step);
                moved[i] = up;
                double above = value(x, moved, in, loss);
                moved[i] = down;
                double below = value(x, moved, in, loss);
                double numeric = (above - below) / ((double) up - down);
                double error = Math.abs(analytic[i] - numeric);
                if (error > atol + rtol * Math.max(Math.abs(analytic[i]), Math.abs(numeric))) {
                    throw new AssertionError(name + ": d/d input " + p + " " + x.shape() + " [" + i + "]: autograd "
                            + analytic[i] + ", finite difference " + numeric);
                }
            }
        } finally {
            x.assign(original);
        }
    }

    private double value(Parameter x, float[] values, List<Parameter> in, Function<List<Tensor>, Tensor> loss) {
        x.assign(new TensorData(x.shape(), values));
        try (Scope s = tensors.scope(); AutoCloseable off = tensors.noGrad()) {
            return loss.apply(List.copyOf(in)).item();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private int[] elements(int n) {
        if (n <= SAMPLED) {
            return IntStream.range(0, n).toArray();
        }
        return random.ints(SAMPLED, 0, n).toArray();
    }
}
