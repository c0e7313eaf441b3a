package io.distillery.engine.ops;

import java.util.Locale;

import io.distillery.api.backend.BinaryOp;
import io.distillery.api.backend.UnaryOp;
import io.distillery.api.tensor.Shape;
import io.distillery.engine.core.EngineTensor;

/** Broadcasting binary arithmetic, comparisons, and scaling by constants. */
public final class Arithmetic {
    private Arithmetic() {
    }

    /**
     * @param op ADD, SUB, MUL, DIV, MAX or MIN
     * @param a the left operand
     * @param b the right operand
     * @return the broadcast result, recorded for autograd
     */
    public static EngineTensor binary(BinaryOp op, EngineTensor a, EngineTensor b) {
        EngineTensor y = compute(op, a, b);
        return Recording.record(y, g -> gradients(op, a, b, y, g), a, b);
    }

    /**
     * @param op a comparison
     * @param a the left operand
     * @param b the right operand
     * @return 1 where it holds, 0 elsewhere; never requires a gradient
     */
    public static EngineTensor compare(BinaryOp op, EngineTensor a, EngineTensor b) {
        return compute(op, a, b);
    }

    /**
     * @param x the input
     * @param scale the factor
     * @param shift the addend
     * @return {@code scale * x + shift}
     */
    public static EngineTensor affine(EngineTensor x, double scale, double shift) {
        EngineTensor y = x.engine().empty(x.shape());
        x.backend().unary(UnaryOp.AFFINE, (float) scale, (float) shift, x.buffer(), y.buffer(), x.size());
        return Recording.record(y, g -> new EngineTensor[] {affine(g, scale, 0)}, x);
    }

    static EngineTensor compute(BinaryOp op, EngineTensor a, EngineTensor b) {
        Shape out = Shapes.broadcast(op.name().toLowerCase(Locale.ROOT), a.shape(), b.shape());
        int rank = Math.max(1, out.rank());
        EngineTensor y = a.engine().empty(out);
        a.backend().binary(op, a.buffer(), Shapes.padded(a.shape(), rank), b.buffer(), Shapes.padded(b.shape(), rank),
                y.buffer(), Shapes.padded(out, rank));
        return y;
    }

    private static EngineTensor[] gradients(BinaryOp op, EngineTensor a, EngineTensor b, EngineTensor y, EngineTensor g) {
        boolean da = a.requiresGrad();
        boolean db = b.requiresGrad();
        return switch (op) {
            case ADD -> new EngineTensor[] {da ? Reductions.sumTo(g, a.shape()) : null, db ? Reductions.sumTo(g, b.shape()) : null};
            case SUB -> new EngineTensor[] {da ? Reductions.sumTo(g, a.shape()) : null,
                db ? Reductions.sumTo(affine(g, -1, 0), b.shape()) : null};
            case MUL -> new EngineTensor[] {da ? Reductions.sumTo(compute(BinaryOp.MUL, g, b), a.shape()) : null,
                db ? Reductions.sumTo(compute(BinaryOp.MUL, g, a), b.shape()) : null};
            case DIV -> new EngineTensor[] {da ? Reductions.sumTo(compute(BinaryOp.DIV, g, b), a.shape()) : null,
                db ? Reductions.sumTo(affine(compute(BinaryOp.DIV, compute(BinaryOp.MUL, g, y), b), -1, 0), b.shape()) : null};
            case MAX, MIN -> {
                // ties go to the left operand
                EngineTensor toA = compute(op == BinaryOp.MAX ? BinaryOp.GE : BinaryOp.LE, a, b);
                EngineTensor gA = compute(BinaryOp.MUL, g, toA);
                yield new EngineTensor[] {da ? Reductions.sumTo(gA, a.shape()) : null,
                    db ? Reductions.sumTo(compute(BinaryOp.SUB, g, gA), b.shape()) : null};
            }
            default -> throw new IllegalArgumentException(op + " has no gradient");
        };
    }
}
