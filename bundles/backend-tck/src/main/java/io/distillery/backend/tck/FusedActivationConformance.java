package io.distillery.backend.tck;

import io.distillery.api.backend.Backend;
import io.distillery.api.backend.Buffer;
import io.distillery.api.backend.UnaryOp;
import io.distillery.api.tensor.Activation;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Conformance of the fused layer kernels {@code biasActivation} and {@code activationBackward}: the backend's
 * versions against {@link Backend}'s default compositions run on the backend's own primitives, for every
 * activation, with and without bias, dense ({@code inner == 1}) and convolutional layouts, and in place.
 */
public abstract class FusedActivationConformance extends KernelTest {
    private static final float SLOPE = 0.1f;
    /** Outputs at the edge of every activation's derivative: a ReLU mask must see the least positive float. */
    private static final float[] TINY_OUTPUTS = {0f, Float.MIN_VALUE, 1e-40f, 1e-38f, -0f, 1f};
    static final int[][] SHAPES = {{4, 7, 1}, {2, 3, 10}, {1, 1, 1}, {3, 1100, 1}, {2, 5, 3000}, {0, 3, 2},
        {40, 1100, 1}, {4, 6, 3000}};

    static List<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (Activation act : Activation.values()) {
            for (int[] s : SHAPES) {
                for (int variant = 0; variant < 4; variant++) {
                    cases.add(Arguments.of(act, s[0], s[1], s[2], variant % 2 == 0, variant >= 2));
                }
            }
        }
        return cases;
    }

    /** @return the cases but a bias gradient over no rows: the default composition reduces over at least one */
    static List<Arguments> backwardCases() {
        return cases().stream().filter(c -> !((int) c.get()[1] == 0 && (boolean) c.get()[4])).toList();
    }

    @ParameterizedTest(name = "{0} [{1}, {2}, {3}] bias={4} inPlace={5}")
    @MethodSource("cases")
    void biasActivation(Activation act, int outer, int channels, int inner, boolean withBias, boolean inPlace) {
        SplittableRandom random = new SplittableRandom(act.ordinal() * 7919L + channels * inner);
        float[] x = Values.uniform(random, outer * channels * inner, -3, 3);
        float[] bias = Values.uniform(random, channels, -1, 1);
        float[][] results = new float[2][];
        int run = 0;
        for (Backend b : List.of(backend(), new PrimitiveDelegate(backend(), backend().name() + "-composed"))) {
            Buffer in = upload(x);
            Buffer out = inPlace ? in : upload(Values.filled(x.length, Float.NaN));
            b.biasActivation(in, withBias ? upload(bias) : null, outer, channels, inner, act, SLOPE, out);
            results[run++] = download(out);
        }
        double[] scale = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            scale[i] = Math.abs(x[i] + (withBias ? bias[i / inner % channels] : 0));
        }
        Check.close(String.format("biasActivation %s [%d, %d, %d] bias=%s inPlace=%s against its composition",
                act, outer, channels, inner, withBias, inPlace), results[0],
                new Expected(Expected.of(results[1]).value(), scale), Tolerances.FUSED);
    }

    @ParameterizedTest(name = "{0} [{1}, {2}, {3}] biasGrad={4} inPlace={5}")
    @MethodSource("backwardCases")
    void activationBackward(Activation act, int outer, int channels, int inner, boolean withBiasGrad,
            boolean inPlace) {
        SplittableRandom random = new SplittableRandom(act.ordinal() * 104729L + channels * inner);
        float[] y = Values.uniform(random, outer * channels * inner, -3, 3);
        for (int i = 0; i < y.length; i++) {
            y[i] = (float) activation(act, y[i]); // a forward output: what the kernel is given
        }
        for (int i = 0; i < TINY_OUTPUTS.length && i < y.length; i++) {
            y[i] = TINY_OUTPUTS[i];
        }
        float[] dy = Values.uniform(random, y.length, -1, 1);
        float[][] dx = new float[2][];
        float[][] biasGrad = new float[2][];
        int run = 0;
        for (Backend b : List.of(backend(), new PrimitiveDelegate(backend(), backend().name() + "-composed"))) {
            Buffer d = upload(dy);
            Buffer out = inPlace ? d : upload(Values.filled(y.length, Float.NaN));
            Buffer grad = withBiasGrad ? upload(Values.filled(channels, Float.NaN)) : null;
            b.activationBackward(act, SLOPE, upload(y), d, outer, channels, inner, out, grad);
            dx[run] = download(out);
            biasGrad[run++] = withBiasGrad ? download(grad) : new float[0];
        }
        String kernel = String.format("activationBackward %s [%d, %d, %d] biasGrad=%s inPlace=%s against its "
                + "composition", act, outer, channels, inner, withBiasGrad, inPlace);
        double[] dxScale = new double[y.length];
        double[] biasScale = new double[biasGrad[1].length];
        for (int i = 0; i < y.length; i++) {
            dxScale[i] = Math.abs(dy[i]) * (1 + y[i] * y[i]);
            if (withBiasGrad) {
                biasScale[i / inner % channels] += Math.abs(dx[1][i]);
            }
        }
        Check.close(kernel + ", dx", dx[0], new Expected(Expected.of(dx[1]).value(), dxScale), Tolerances.FUSED);
        Check.close(kernel + ", bias gradient", biasGrad[0], new Expected(Expected.of(biasGrad[1]).value(), biasScale),
                Tolerances.sum(2L * outer * inner + (long) Tolerances.FUSED.roundings()));
    }

    private static double activation(Activation act, float x) {
        return switch (act) {
            case IDENTITY -> x;
            case RELU -> ReferenceElementwise.unary(UnaryOp.RELU, x, 0, 0);
            case LEAKY_RELU -> ReferenceElementwise.unary(UnaryOp.LEAKY_RELU, x, SLOPE, 0);
            case SIGMOID -> ReferenceElementwise.unary(UnaryOp.SIGMOID, x, 0, 0);
            case TANH -> ReferenceElementwise.unary(UnaryOp.TANH, x, 0, 0);
        };
    }
}
