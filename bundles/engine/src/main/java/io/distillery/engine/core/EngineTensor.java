package io.distillery.engine.core;

import java.util.List;

import io.distillery.api.backend.Backend;
import io.distillery.api.backend.BinaryOp;
import io.distillery.api.backend.Buffer;
import io.distillery.api.backend.UnaryOp;
import io.distillery.api.tensor.Activation;
import io.distillery.api.tensor.Shape;
import io.distillery.api.tensor.Tensor;
import io.distillery.engine.ops.Arithmetic;
import io.distillery.engine.ops.Elementwise;
import io.distillery.engine.ops.Indexing;
import io.distillery.engine.ops.MatMul;
import io.distillery.engine.ops.Reductions;
import io.distillery.engine.ops.Reshaping;
import io.distillery.engine.ops.Softmax;

/**
 * The engine's tensor: a shape over a {@link Storage}, and the {@link Node} that made it when autograd is
 * recording. Reshapes share storage; every other operation writes a new one. The operations themselves live
 * in {@code io.distillery.engine.ops}; this class only dispatches to them.
 */
public class EngineTensor implements Tensor {
    private final Engine engine;
    private final Shape shape;
    private final Storage storage;
    private final long sequence;
    private Node node;

    EngineTensor(Engine engine, Shape shape, Storage storage) {
        if (shape.size() != storage.length()) {
            throw new IllegalArgumentException("shape " + shape + " does not match storage of " + storage.length());
        }
        this.engine = engine;
        this.shape = shape;
        this.storage = storage;
        this.sequence = engine.nextSequence();
    }

    /**
     * Checks that a tensor comes from this engine.
     *
     * @param t a tensor
     * @return it, as the engine's type
     */
    public static EngineTensor of(Tensor t) {
        if (t instanceof EngineTensor e) {
            return e;
        }
        throw new IllegalArgumentException("not a tensor of the Distillery engine: " + t);
    }

    /** @return the engine */
    public Engine engine() {
        return engine;
    }

    /** @return the storage */
    public Storage storage() {
        return storage;
    }

    /** @return the buffer, checking it has not been released */
    public Buffer buffer() {
        return storage.buffer(this);
    }

    /** @return the backend holding the buffer */
    public Backend backend() {
        return storage.backend();
    }

    long sequence() {
        return sequence;
    }

    /** @return the operation that made this tensor, or {@code null} for a leaf */
    public Node node() {
        return node;
    }

    /** @param node the operation that made this tensor, making it require a gradient */
    public void attach(Node node) {
        this.node = node;
    }

    void dropHistory() {
        node = null;
    }

    @Override
    public Shape shape() {
        return shape;
    }

    @Override
    public float item() {
        if (shape.size() != 1) {
            throw new IllegalStateException("item() needs a one-element tensor, got shape " + shape);
        }
        return engine.read(storage)[0];
    }

    @Override
    public float[] toArray() {
        return engine.read(storage);
    }

    @Override
    public boolean requiresGrad() {
        return node != null;
    }

    @Override
    public Tensor grad() {
        return null;
    }

    @Override
    public Tensor detach() {
        buffer();
        return engine.view(this, shape);
    }

    @Override
    public void backward() {
        if (shape.size() != 1) {
            throw new IllegalStateException("backward() without a gradient needs a scalar, got shape " + shape
                    + "; pass the gradient of the output with backward(gradient)");
        }
        backward(engine.full(shape, 1f));
    }

    @Override
    public void backward(Tensor gradient) {
        EngineTensor g = of(gradient);
        if (!g.shape.equals(shape)) {
            throw new IllegalArgumentException("backward: gradient shape " + g.shape + " differs from tensor shape " + shape);
        }
        if (!requiresGrad()) {
            throw new IllegalStateException("backward: tensor " + shape
                    + " does not require a gradient (no parameter it depends on is trainable, or it was made under noGrad)");
        }
        Autograd.backward(this, g);
    }

    // ---- arithmetic

    @Override
    public Tensor add(Tensor other) {
        return Arithmetic.binary(BinaryOp.ADD, this, of(other));
    }

    @Override
    public Tensor add(double value) {
        return Arithmetic.affine(this, 1, value);
    }

    @Override
    public Tensor sub(Tensor other) {
        return Arithmetic.binary(BinaryOp.SUB, this, of(other));
    }

    @Override
    public Tensor sub(double value) {
        return Arithmetic.affine(this, 1, -value);
    }

    @Override
    public Tensor mul(Tensor other) {
        return Arithmetic.binary(BinaryOp.MUL, this, of(other));
    }

    @Override
    public Tensor mul(double value) {
        return Arithmetic.affine(this, value, 0);
    }

    @Override
    public Tensor div(Tensor other) {
        return Arithmetic.binary(BinaryOp.DIV, this, of(other));
    }

    @Override
    public Tensor div(double value) {
        return Arithmetic.affine(this, 1 / value, 0);
    }

    @Override
    public Tensor pow(double exponent) {
        return Elementwise.pow(this, exponent);
    }

    @Override
    public Tensor maximum(Tensor other) {
        return Arithmetic.binary(BinaryOp.MAX, this, of(other));
    }

    @Override
    public Tensor minimum(Tensor other) {
        return Arithmetic.binary(BinaryOp.MIN, this, of(other));
    }

    @Override
    public Tensor eq(Tensor other) {
        return Arithmetic.compare(BinaryOp.EQ, this, of(other));
    }

    @Override
    public Tensor gt(Tensor other) {
        return Arithmetic.compare(BinaryOp.GT, this, of(other));
    }

    @Override
    public Tensor ge(Tensor other) {
        return Arithmetic.compare(BinaryOp.GE, this, of(other));
    }

    @Override
    public Tensor lt(Tensor other) {
        return Arithmetic.compare(BinaryOp.LT, this, of(other));
    }

    @Override
    public Tensor le(Tensor other) {
        return Arithmetic.compare(BinaryOp.LE, this, of(other));
    }

    // ---- element-wise functions

    @Override
    public Tensor neg() {
        return Arithmetic.affine(this, -1, 0);
    }

    @Override
    public Tensor exp() {
        return Elementwise.unary(UnaryOp.EXP, this);
    }

    @Override
    public Tensor log() {
        return Elementwise.unary(UnaryOp.LOG, this);
    }

    @Override
    public Tensor sqrt() {
        return Elementwise.unary(UnaryOp.SQRT, this);
    }

    @Override
    public Tensor abs() {
        return Elementwise.unary(UnaryOp.ABS, this);
    }

    @Override
    public Tensor relu() {
        return Elementwise.activation(this, Activation.RELU, 0);
    }

    @Override
    public Tensor leakyRelu(double slope) {
        return Elementwise.activation(this, Activation.LEAKY_RELU, (float) slope);
    }

    @Override
    public Tensor sigmoid() {
        return Elementwise.activation(this, Activation.SIGMOID, 0);
    }

    @Override
    public Tensor tanh() {
        return Elementwise.activation(this, Activation.TANH, 0);
    }

    @Override
    public Tensor sign() {
        return Elementwise.straightThrough(UnaryOp.SIGN, this);
    }

    @Override
    public Tensor round() {
        return Elementwise.straightThrough(UnaryOp.ROUND, this);
    }

    @Override
    public Tensor clamp(double min, double max) {
        return Elementwise.clamp(this, min, max);
    }

    @Override
    public Tensor softmax(int axis) {
        return Softmax.softmax(this, axis, false);
    }

    @Override
    public Tensor logSoftmax(int axis) {
        return Softmax.softmax(this, axis, true);
    }

    // ---- reductions

    @Override
    public Tensor sum() {
        return Reductions.sumAll(this);
    }

    @Override
    public Tensor sum(int axis, boolean keepDim) {
        return Reductions.sum(this, axis, keepDim);
    }

    @Override
    public Tensor mean() {
        return Arithmetic.affine(Reductions.sumAll(this), 1.0 / shape.size(), 0);
    }

    @Override
    public Tensor mean(int axis, boolean keepDim) {
        return Arithmetic.affine(Reductions.sum(this, axis, keepDim), 1.0 / shape.dim(axis), 0);
    }

    @Override
    public Tensor max(int axis, boolean keepDim) {
        return Reductions.max(this, axis, keepDim);
    }

    @Override
    public Tensor argmax(int axis) {
        return Reductions.argmax(this, axis);
    }

    // ---- shape

    @Override
    public Tensor reshape(int... dims) {
        return Reshaping.reshape(this, dims);
    }

    @Override
    public Tensor flatten(int fromAxis) {
        return Reshaping.flatten(this, fromAxis);
    }

    @Override
    public Tensor unsqueeze(int axis) {
        return Reshaping.unsqueeze(this, axis);
    }

    @Override
    public Tensor squeeze(int axis) {
        return Reshaping.squeeze(this, axis);
    }

    @Override
    public Tensor transpose(int axis1, int axis2) {
        return Reshaping.transpose(this, axis1, axis2);
    }

    @Override
    public Tensor permute(int... axes) {
        return Reshaping.permute(this, axes);
    }

    @Override
    public Tensor slice(int axis, int start, int end) {
        return Reshaping.slice(this, axis, start, end);
    }

    @Override
    public Tensor expand(int... dims) {
        return Reshaping.expand(this, Shape.of(dims));
    }

    @Override
    public Tensor gather(int axis, Tensor index) {
        return Indexing.gather(this, axis, of(index));
    }

    @Override
    public Tensor maskedSelect(Tensor mask) {
        return Indexing.maskedSelect(this, of(mask));
    }

    @Override
    public Tensor matmul(Tensor other) {
        return MatMul.matmul(this, of(other));
    }

    /**
     * @param parts tensors of this engine
     * @return them as engine tensors
     */
    public static EngineTensor[] all(List<Tensor> parts) {
        EngineTensor[] out = new EngineTensor[parts.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = of(parts.get(i));
        }
        return out;
    }

    @Override
    public String toString() {
        return "tensor" + shape;
    }
}
