package io.distillery.backend.tck;

import io.distillery.api.backend.Backend;
import io.distillery.api.backend.Buffer;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Conformance of the fused optimizer steps {@code sgdUpdate} and {@code adamUpdate}: the backend's versions
 * against {@link Backend}'s default compositions run on the backend's own primitives, for plain, momentum
 * and Nesterov SGD, Adam and AdamW, with and without weight decay, early and late steps.
 */
public abstract class FusedUpdateConformance extends KernelTest {

    /**
     * An SGD step.
     *
     * @param length elements
     * @param lr learning rate
     * @param momentum momentum
     * @param weightDecay L2 coefficient
     * @param nesterov Nesterov's look-ahead
     */
    record Sgd(int length, float lr, float momentum, float weightDecay, boolean nesterov) {
    }

    /**
     * An Adam step.
     *
     * @param length elements
     * @param lr learning rate
     * @param beta1 first-moment decay
     * @param beta2 second-moment decay
     * @param eps denominator guard
     * @param weightDecay decay coefficient
     * @param decoupled AdamW
     * @param step 1-based step
     */
    record Adam(int length, float lr, float beta1, float beta2, float eps, float weightDecay, boolean decoupled,
            long step) {
    }

    static List<Sgd> sgdSteps() {
        return List.of(new Sgd(1000, 0.1f, 0, 0, false), new Sgd(1000, 0.05f, 0, 1e-2f, false),
                new Sgd(70_001, 0.1f, 0.9f, 1e-4f, false), new Sgd(1000, 0.1f, 0.9f, 0, true),
                new Sgd(70_001, 0.05f, 0.9f, 1e-3f, true), new Sgd(1, 0.5f, 0.5f, 0.1f, true));
    }

    static List<Adam> adamSteps() {
        return List.of(new Adam(1000, 1e-3f, 0.9f, 0.999f, 1e-8f, 0, false, 1),
                new Adam(1000, 1e-2f, 0.9f, 0.999f, 1e-8f, 1e-2f, false, 10),
                new Adam(70_001, 1e-3f, 0.9f, 0.999f, 1e-8f, 1e-2f, true, 1000),
                new Adam(70_001, 1e-2f, 0.9f, 0.999f, 1e-8f, 1e-2f, false, 10),
                new Adam(3, 0.1f, 0.5f, 0.9f, 1e-3f, 0.1f, true, 2));
    }

    /** @return each state buffer after the step, [backend or composition][buffer] */
    private float[][][] run(float[][] initial, Step step) {
        float[][][] after = new float[2][initial.length][];
        int run = 0;
        for (Backend b : List.of(backend(), new PrimitiveDelegate(backend(), backend().name() + "-composed"))) {
            Buffer[] buffers = new Buffer[initial.length];
            for (int i = 0; i < initial.length; i++) {
                buffers[i] = initial[i] == null ? null : upload(initial[i]);
            }
            step.run(b, buffers);
            for (int i = 0; i < initial.length; i++) {
                after[run][i] = buffers[i] == null ? new float[0] : download(buffers[i]);
            }
            run++;
        }
        return after;
    }

    /** One optimizer step on buffers. */
    private interface Step {
        void run(Backend backend, Buffer[] buffers);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sgdSteps")
    void sgdUpdate(Sgd s) {
        SplittableRandom random = new SplittableRandom(s.toString().hashCode());
        float[] param = Values.uniform(random, s.length(), -1, 1);
        float[] grad = Values.uniform(random, s.length(), -1, 1);
        float[] velocity = s.momentum() == 0 ? null : Values.uniform(random, s.length(), -1, 1);
        float[][][] after = run(new float[][] {param, grad, velocity}, (b, buf) -> b.sgdUpdate(buf[0], buf[1], buf[2],
                s.length(), s.lr(), s.momentum(), s.weightDecay(), s.nesterov()));
        double[] paramScale = new double[s.length()];
        double[] velocityScale = new double[velocity == null ? 0 : s.length()];
        for (int i = 0; i < s.length(); i++) {
            double g = Math.abs(grad[i]) + Math.abs(s.weightDecay() * param[i]);
            double v = velocity == null ? g : s.momentum() * Math.abs(velocity[i]) + g;
            paramScale[i] = Math.abs(param[i]) + s.lr() * (s.nesterov() ? g + s.momentum() * v : v);
            if (velocity != null) {
                velocityScale[i] = v;
            }
        }
        Check.close("sgdUpdate " + s + " param", after[0][0],
                new Expected(Expected.of(after[1][0]).value(), paramScale), Tolerances.FUSED);
        Check.close("sgdUpdate " + s + " velocity", after[0][2],
                new Expected(Expected.of(after[1][2]).value(), velocityScale), Tolerances.FUSED);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("adamSteps")
    void adamUpdate(Adam s) {
        SplittableRandom random = new SplittableRandom(s.toString().hashCode());
        float[] param = Values.uniform(random, s.length(), -1, 1);
        float[] grad = Values.uniform(random, s.length(), -1, 1);
        float[] m = Values.uniform(random, s.length(), -0.1, 0.1);
        float[] v = Values.uniform(random, s.length(), 0, 0.01);
        float[][][] after = run(new float[][] {param, grad, m, v}, (b, buf) -> b.adamUpdate(buf[0], buf[1], buf[2],
                buf[3], s.length(), s.lr(), s.beta1(), s.beta2(), s.eps(), s.weightDecay(), s.decoupled(), s.step()));
        double c1 = 1 - Math.pow(s.beta1(), s.step());
        double c2 = 1 - Math.pow(s.beta2(), s.step());
        double[][] scale = new double[3][s.length()];
        for (int i = 0; i < s.length(); i++) {
            double g = Math.abs(grad[i]) + (s.decoupled() ? 0 : Math.abs(s.weightDecay() * param[i]));
            scale[1][i] = s.beta1() * Math.abs(m[i]) + (1 - s.beta1()) * g;
            scale[2][i] = s.beta2() * v[i] + (1 - s.beta2()) * g * g;
            double ratio = scale[1][i] / c1 / (Math.sqrt(Math.abs(after[1][3][i]) / c2) + s.eps());
            scale[0][i] = Math.abs(param[i]) + s.lr() * ratio;
        }
        String[] names = {"param", "m", "v"};
        int[] buffers = {0, 2, 3};
        for (int k = 0; k < 3; k++) {
            Check.close("adamUpdate " + s + " " + names[k], after[0][buffers[k]],
                    new Expected(Expected.of(after[1][buffers[k]]).value(), scale[k]), Tolerances.FUSED);
        }
    }
}
