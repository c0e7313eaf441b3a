package io.distillery.backend.nd4j;

import io.distillery.api.backend.BinaryOp;
import io.distillery.api.backend.UnaryOp;

/**
 * The element-wise functions on {@code float[]} chunks, each loop indexing all its arrays alike so that C2
 * vectorises it.
 *
 * <p>Transcendental functions are evaluated in double where the float result would otherwise be off by more
 * than an ulp or two; rounding sends halves away from zero.
 */
final class Functions {
    private Functions() {
    }

    /** {@code y[i] = op(x[i])} for {@code i < n}; {@code x} may be {@code y}. */
    static void unary(UnaryOp op, float p, float q, float[] x, float[] y, int n) {
        switch (op) {
            case NEG -> { for (int i = 0; i < n; i++) { y[i] = -x[i]; } }
            case ABS -> { for (int i = 0; i < n; i++) { y[i] = Math.abs(x[i]); } }
            case SIGN -> { for (int i = 0; i < n; i++) { y[i] = Math.signum(x[i]); } }
            case ROUND -> { for (int i = 0; i < n; i++) { y[i] = round(x[i]); } }
            case EXP -> { for (int i = 0; i < n; i++) { y[i] = (float) Math.exp(x[i]); } }
            case LOG -> { for (int i = 0; i < n; i++) { y[i] = (float) Math.log(x[i]); } }
            case SQRT -> { for (int i = 0; i < n; i++) { y[i] = (float) Math.sqrt(x[i]); } }
            case POW -> { for (int i = 0; i < n; i++) { y[i] = (float) Math.pow(x[i], p); } }
            case RELU -> { for (int i = 0; i < n; i++) { y[i] = Math.max(x[i], 0f); } }
            case LEAKY_RELU -> { for (int i = 0; i < n; i++) { y[i] = Math.max(x[i], 0f) + p * Math.min(x[i], 0f); } }
            case SIGMOID -> { for (int i = 0; i < n; i++) { y[i] = (float) (1 / (1 + Math.exp(-x[i]))); } }
            case TANH -> { for (int i = 0; i < n; i++) { y[i] = (float) Math.tanh(x[i]); } }
            case CLAMP -> { for (int i = 0; i < n; i++) { y[i] = Math.min(Math.max(x[i], p), q); } }
            case AFFINE -> { for (int i = 0; i < n; i++) { y[i] = p * x[i] + q; } }
        }
    }

    /** {@code out[i] = a[i] op b[i]} for {@code i < n}; {@code out} may be either operand. */
    static void binary(BinaryOp op, float[] a, float[] b, float[] out, int n) {
        switch (op) {
            case ADD -> { for (int i = 0; i < n; i++) { out[i] = a[i] + b[i]; } }
            case SUB -> { for (int i = 0; i < n; i++) { out[i] = a[i] - b[i]; } }
            case MUL -> { for (int i = 0; i < n; i++) { out[i] = a[i] * b[i]; } }
            case DIV -> { for (int i = 0; i < n; i++) { out[i] = a[i] / b[i]; } }
            case POW -> { for (int i = 0; i < n; i++) { out[i] = (float) Math.pow(a[i], b[i]); } }
            case MAX -> { for (int i = 0; i < n; i++) { out[i] = Math.max(a[i], b[i]); } }
            case MIN -> { for (int i = 0; i < n; i++) { out[i] = Math.min(a[i], b[i]); } }
            case EQ -> { for (int i = 0; i < n; i++) { out[i] = a[i] == b[i] ? 1f : 0f; } }
            case GT -> { for (int i = 0; i < n; i++) { out[i] = a[i] > b[i] ? 1f : 0f; } }
            case GE -> { for (int i = 0; i < n; i++) { out[i] = a[i] >= b[i] ? 1f : 0f; } }
            case LT -> { for (int i = 0; i < n; i++) { out[i] = a[i] < b[i] ? 1f : 0f; } }
            case LE -> { for (int i = 0; i < n; i++) { out[i] = a[i] <= b[i] ? 1f : 0f; } }
        }
    }

    /** Rounds halves away from zero, in double, where {@code |x| + 0.5} is exact for every float. */
    private static float round(float x) {
        return (float) Math.copySign(Math.floor(Math.abs((double) x) + 0.5), x);
    }
}
