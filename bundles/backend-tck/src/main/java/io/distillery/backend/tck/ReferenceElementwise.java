package io.distillery.backend.tck;

import io.distillery.api.backend.BinaryOp;
import io.distillery.api.backend.UnaryOp;

/** The specification of the element-wise kernels, in double precision, and of broadcasting. */
final class ReferenceElementwise {
    private ReferenceElementwise() {
    }

    static double unary(UnaryOp op, double x, double p, double q) {
        return switch (op) {
            case NEG -> -x;
            case ABS -> Math.abs(x);
            case SIGN -> Math.signum(x);
            case ROUND -> Math.copySign(Math.floor(Math.abs(x) + 0.5), x);
            case EXP -> Math.exp(x);
            case LOG -> Math.log(x);
            case SQRT -> Math.sqrt(x);
            case POW -> Math.pow(x, p);
            case RELU -> x > 0 ? x : 0;
            case LEAKY_RELU -> x > 0 ? x : p * x;
            case SIGMOID -> 1 / (1 + Math.exp(-x));
            case TANH -> Math.tanh(x);
            case CLAMP -> Math.min(Math.max(x, p), q);
            case AFFINE -> p * x + q;
        };
    }

    static double binary(BinaryOp op, double a, double b) {
        return switch (op) {
            case ADD -> a + b;
            case SUB -> a - b;
            case MUL -> a * b;
            case DIV -> a / b;
            case POW -> Math.pow(a, b);
            case MAX -> Math.max(a, b);
            case MIN -> Math.min(a, b);
            case EQ -> a == b ? 1 : 0;
            case GT -> a > b ? 1 : 0;
            case GE -> a >= b ? 1 : 0;
            case LT -> a < b ? 1 : 0;
            case LE -> a <= b ? 1 : 0;
        };
    }

    /**
     * @param op a unary function
     * @return its allowed error, to be used with each element's own size as the scale
     */
    static Tolerance tolerance(UnaryOp op) {
        return switch (op) {
            case NEG, ABS, SIGN, ROUND, RELU, CLAMP -> Tolerances.EXACT;
            case LEAKY_RELU, SQRT -> Tolerances.ONE_OPERATION;
            case EXP, LOG, POW, SIGMOID, TANH -> Tolerances.TRANSCENDENTAL;
            case AFFINE -> Tolerances.AFFINE;
        };
    }

    static Tolerance tolerance(BinaryOp op) {
        return switch (op) {
            case ADD, SUB, MUL -> Tolerances.ONE_OPERATION;
            case DIV -> Tolerances.DIVISION;
            case POW -> Tolerances.TRANSCENDENTAL;
            case MAX, MIN, EQ, GT, GE, LT, LE -> Tolerances.EXACT;
        };
    }

    /**
     * @param shape an operand's shape, each size equal to the output's or 1
     * @param out the output's shape
     * @param flat an output element's row-major index
     * @return the operand element broadcast to it
     */
    static int broadcastIndex(int[] shape, int[] out, int flat) {
        int index = 0;
        int stride = 1;
        for (int d = out.length - 1; d >= 0; d--) {
            int coordinate = flat % out[d];
            flat /= out[d];
            index += (shape[d] == 1 ? 0 : coordinate) * stride;
            stride *= shape[d];
        }
        return index;
    }
}
