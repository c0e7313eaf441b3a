package io.distillery.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

import io.distillery.api.tensor.Parameter;
import io.distillery.api.tensor.Scope;
import io.distillery.api.tensor.SeededRandom;
import io.distillery.api.tensor.Shape;
import io.distillery.api.tensor.Tensor;
import io.distillery.api.tensor.TensorData;
import io.distillery.api.tensor.Tensors;

/**
 * Compares autograd gradients with central finite differences.
 *
 * <p>The function's output is reduced to a scalar {@code L = sum(f(x) * r)} with a fixed random {@code r}, so
 * every output element contributes. {@code L} is summed in double precision on the host from the float32
 * outputs; each input element is moved by {@code ±h} and {@code (L+ - L-) / 2h} compared with the
 * autograd gradient within {@code atol + rtol * max(|a|, |b|)}. Large inputs are checked on a random sample of
 * their elements.
 */
final class GradientCheck {
    static final double H = 1e-2;
    static final double ATOL = 2e-3;
    static final double RTOL = 2e-2;
    private static final int MAX_ELEMENTS = 24;

    private final Tensors tensors;
    private final SeededRandom random;
    private final List<TensorData> inputs = new ArrayList<>();
    private final List<Parameter> moduleParameters = new ArrayList<>();
    private double h = H;
    private double atol = ATOL;

    GradientCheck(Tensors tensors, long seed) {
        this.tensors = tensors;
        this.random = new SeededRandom(seed);
    }

    /** Adds an input with values uniform in (-1, 1). */
    GradientCheck input(int... dims) {
        return input(dims, -1, 1);
    }

    /** Adds an input with values uniform in (lo, hi). */
    GradientCheck input(int[] dims, double lo, double hi) {
        Shape s = Shape.of(dims);
        float[] v = new float[s.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (lo + (hi - lo) * random.nextDouble());
        }
        inputs.add(new TensorData(s, v));
        return this;
    }

    /** Adds an input with values away from 0 by at least {@code gap}, for functions with a kink there. */
    GradientCheck inputAwayFromZero(double gap, int... dims) {
        Shape s = Shape.of(dims);
        float[] v = new float[s.size()];
        for (int i = 0; i < v.length; i++) {
            double m = gap + (1 - gap) * random.nextDouble();
            v[i] = (float) (random.nextBoolean() ? m : -m);
        }
        inputs.add(new TensorData(s, v));
        return this;
    }

    /**
     * Adds an input whose values are a random permutation of evenly spaced values in (-1, 1), so that no two are
     * closer than {@code 2 / size}: maxima and sort orders cannot flip under a small step.
     */
    GradientCheck inputDistinct(int... dims) {
        Shape s = Shape.of(dims);
        int n = s.size();
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (-1 + (2.0 * i + 1) / n);
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            float t = v[i];
            v[i] = v[j];
            v[j] = t;
        }
        inputs.add(new TensorData(s, v));
        return this;
    }

    /** Adds an input with the given values. */
    GradientCheck input(TensorData data) {
        inputs.add(data);
        return this;
    }

    /** Also checks the gradients of these existing parameters (a layer's weights); they are not released. */
    GradientCheck alsoParameters(Collection<Parameter> parameters) {
        moduleParameters.addAll(parameters);
        return this;
    }

    GradientCheck step(double step) {
        this.h = step;
        return this;
    }

    GradientCheck absoluteTolerance(double tolerance) {
        this.atol = tolerance;
        return this;
    }

    /** Checks the gradient of every input of {@code f}. */
    void check(String name, Function<List<Tensor>, Tensor> f) {
        List<Parameter> params = new ArrayList<>();
        for (TensorData d : inputs) {
            params.add(tensors.parameter(d, true));
        }
        List<Parameter> checked = new ArrayList<>(params);
        checked.addAll(moduleParameters);
        List<TensorData> initial = new ArrayList<>(inputs);
        for (Parameter p : moduleParameters) {
            p.zeroGrad();
            initial.add(p.data());
        }
        try {
            float[] weights;
            try (Scope s = tensors.scope()) {
                Tensor y = f.apply(new ArrayList<>(params));
                weights = new float[y.size()];
                for (int i = 0; i < weights.length; i++) {
                    weights[i] = (float) (random.nextDouble() * 2 - 1);
                }
                y.mul(tensors.of(y.shape(), weights)).sum().backward();
            }
            for (int p = 0; p < checked.size(); p++) {
                Parameter param = checked.get(p);
                assertTrue(param.grad() != null, name + ": input " + p + " received no gradient");
                float[] analytic;
                try (Scope s = tensors.scope()) {
                    analytic = param.grad().toArray();
                }
                float[] base = initial.get(p).values();
                for (int idx : sample(base.length)) {
                    float up = (float) (base[idx] + h);
                    float down = (float) (base[idx] - h);
                    double numeric = (loss(f, params, weights, param, base, idx, up)
                            - loss(f, params, weights, param, base, idx, down)) / ((double) up - down);
                    double a = analytic[idx];
                    double err = Math.abs(a - numeric);
                    if (err > atol + RTOL * Math.max(Math.abs(a), Math.abs(numeric))) {
                        fail(name + ": d/d input" + p + "[" + idx + "] autograd " + a + " vs finite difference " + numeric
                                + " (input shape " + param.shape() + ")");
                    }
                }
                param.assign(initial.get(p));
            }
        } finally {
            params.forEach(Parameter::release);
        }
    }

    private double loss(Function<List<Tensor>, Tensor> f, List<Parameter> params, float[] weights, Parameter param,
            float[] base, int idx, float value) {
        float[] moved = base.clone();
        moved[idx] = value;
        param.assign(new TensorData(param.shape(), moved));
        try (Scope s = tensors.scope(); AutoCloseable off = tensors.noGrad()) {
            float[] y = f.apply(new ArrayList<>(params)).toArray();
            double sum = 0;
            for (int i = 0; i < y.length; i++) {
                sum += (double) y[i] * weights[i];
            }
            return sum;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            param.assign(new TensorData(param.shape(), base));
        }
    }

    private int[] sample(int n) {
        if (n <= MAX_ELEMENTS) {
            int[] all = new int[n];
            for (int i = 0; i < n; i++) {
                all[i] = i;
            }
            return all;
        }
        int[] some = new int[MAX_ELEMENTS];
        for (int i = 0; i < some.length; i++) {
            some[i] = random.nextInt(n);
        }
        return some;
    }
}
