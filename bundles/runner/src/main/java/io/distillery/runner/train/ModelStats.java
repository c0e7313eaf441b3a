package io.distillery.runner.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.distillery.api.nn.Module;
import io.distillery.api.run.Metrics;
import io.distillery.api.tensor.Parameter;
import io.distillery.api.tensor.Scope;
import io.distillery.api.tensor.Shape;
import io.distillery.api.tensor.Tensor;
import io.distillery.api.tensor.Tensors;

/**
 * What a model costs: parameters, multiply-accumulates per example (every module's own {@link Module#macs},
 * summed over one dry forward pass), bytes at float32, and latency (median time of a one-example forward pass on
 * the current backend).
 */
final class ModelStats {
    private static final int LATENCY_RUNS = 21;

    private ModelStats() {
    }

    static Metrics measure(Module model, Shape inputShape, Tensors tensors) {
        long params = 0;
        for (Parameter p : model.namedParameters().values()) {
            params += p.size();
        }
        long macs = macs(model, inputShape, tensors);
        return Metrics.empty().with("params", params).with("macs", macs).with("bytes", 4.0 * params)
                .with("latency_ms", latency(model, inputShape, tensors));
    }

    private static long macs(Module model, Shape inputShape, Tensors tensors) {
        long[] total = {0};
        List<AutoCloseable> hooks = new ArrayList<>();
        for (Map.Entry<String, Module> e : model.namedModules().entrySet()) {
            hooks.add(e.getValue().addForwardHook((m, in, out) -> total[0] += m.macs(in.shape(), out.shape())));
        }
        try {
            forwardOnce(model, inputShape, tensors);
        } finally {
            for (AutoCloseable h : hooks) {
                try {
                    h.close();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return total[0];
    }

    private static double latency(Module model, Shape inputShape, Tensors tensors) {
        double[] ms = new double[LATENCY_RUNS];
        forwardOnce(model, inputShape, tensors);
        for (int i = 0; i < ms.length; i++) {
            long start = System.nanoTime();
            forwardOnce(model, inputShape, tensors);
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        return ms[ms.length / 2];
    }

    private static void forwardOnce(Module model, Shape inputShape, Tensors tensors) {
        boolean training = model.isTraining();
        model.setTraining(false);
        try (Scope s = tensors.scope(); AutoCloseable off = tensors.noGrad()) {
            int[] dims = new int[inputShape.rank() + 1];
            dims[0] = 1;
            System.arraycopy(inputShape.toArray(), 0, dims, 1, inputShape.rank());
            Tensor x = tensors.zeros(Shape.of(dims));
            model.forward(x).toArray();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            model.setTraining(training);
        }
    }
}
