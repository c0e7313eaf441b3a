package io.distillery.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.List;

import io.distillery.api.tensor.Shape;
import io.distillery.api.tensor.Tensor;
import io.distillery.api.tensor.TensorData;

import org.junit.jupiter.api.Test;

/** A finite-difference gradient check for every tensor operation, on fresh random inputs. */
class OpGradientTest {
    private final TestEngine e = new TestEngine();
    private long seed = 1;

    private GradientCheck check() {
        return new GradientCheck(e.tensors, seed++);
    }

    @Test
    void broadcastingArithmetic() {
        check().input(3, 4).input(3, 4).check("add", x -> x.get(0).add(x.get(1)));
        check().input(3, 4).input(4).check("add row broadcast", x -> x.get(0).add(x.get(1)));
        check().input(3, 1).input(1, 4).check("sub both sides broadcast", x -> x.get(0).sub(x.get(1)));
        check().input(2, 3, 4).input(3, 1).check("mul", x -> x.get(0).mul(x.get(1)));
        check().input(2, 3).input(new int[] {2, 3}, 0.5, 2).check("div", x -> x.get(0).div(x.get(1)));
        check().input(new int[] {4}, 0.5, 2).input(3, 4).check("div broadcast left", x -> x.get(1).div(x.get(0)));
        check().input(5).check("scalar ops", x -> x.get(0).add(2).mul(3).sub(1).div(4));
        check().inputDistinct(2, 3, 4).check("maximum", x -> x.get(0).slice(0, 0, 1).maximum(x.get(0).slice(0, 1, 2)));
        check().inputDistinct(2, 3, 4).check("minimum broadcast",
                x -> x.get(0).slice(0, 0, 1).minimum(x.get(0).slice(0, 1, 2).slice(1, 0, 1)));
    }

    @Test
    void elementwiseFunctions() {
        check().input(3, 5).check("neg", x -> x.get(0).neg());
        check().input(3, 5).check("exp", x -> x.get(0).exp());
        check().input(new int[] {3, 5}, 0.2, 3).check("log", x -> x.get(0).log());
        check().input(new int[] {3, 5}, 0.2, 3).check("sqrt", x -> x.get(0).sqrt());
        check().input(new int[] {3, 5}, 0.2, 3).check("pow 2.5", x -> x.get(0).pow(2.5));
        check().input(3, 5).check("pow 3", x -> x.get(0).pow(3));
        check().inputAwayFromZero(0.05, 3, 5).check("abs", x -> x.get(0).abs());
        check().inputAwayFromZero(0.05, 3, 5).check("relu", x -> x.get(0).relu());
        check().inputAwayFromZero(0.05, 3, 5).check("leaky relu", x -> x.get(0).leakyRelu(0.1));
        check().input(3, 5).check("sigmoid", x -> x.get(0).sigmoid());
        check().input(3, 5).check("tanh", x -> x.get(0).tanh());
        check().inputDistinct(4, 6).check("clamp", x -> x.get(0).clamp(-0.77, 0.91));
    }

    @Test
    void softmaxes() {
        check().input(4, 7).check("softmax last axis", x -> x.get(0).softmax(-1));
        check().input(3, 4, 5).check("softmax middle axis", x -> x.get(0).softmax(1));
        check().input(4, 7).check("log softmax", x -> x.get(0).logSoftmax(-1));
        check().input(2, 3, 4).check("log softmax first axis", x -> x.get(0).logSoftmax(0));
    }

    @Test
    void reductions() {
        check().input(3, 4).check("sum all", x -> x.get(0).sum());
        check().input(3, 4, 5).check("sum axis 1", x -> x.get(0).sum(1, false));
        check().input(3, 4, 5).check("sum keepdim", x -> x.get(0).sum(-1, true));
        check().input(3, 4).check("mean all", x -> x.get(0).mean());
        check().input(3, 4, 5).check("mean axis 0", x -> x.get(0).mean(0, false));
        check().inputDistinct(3, 6, 2).check("max axis 1", x -> x.get(0).max(1, false));
        check().inputDistinct(3, 6).check("max keepdim", x -> x.get(0).max(-1, true));
    }

    @Test
    void shapes() {
        check().input(2, 3, 4).check("reshape", x -> x.get(0).reshape(4, -1).mul(x.get(0).reshape(4, 6)));
        check().input(2, 3, 4).check("flatten", x -> x.get(0).flatten(1));
        check().input(2, 3).check("unsqueeze squeeze", x -> x.get(0).unsqueeze(1).mul(2).squeeze(1));
        check().input(2, 3, 4).check("transpose", x -> x.get(0).transpose(0, 2));
        check().input(2, 3, 4).check("permute", x -> x.get(0).permute(1, 2, 0));
        check().input(4, 5).check("slice", x -> x.get(0).slice(1, 1, 4));
        check().input(3, 1).check("expand", x -> x.get(0).expand(2, 3, 4));
        check().input(2, 3).input(2, 2).check("concat", x -> e.tensors.concat(1, List.of(x.get(0), x.get(1))));
        check().input(2, 3).input(2, 3).check("stack", x -> e.tensors.stack(0, List.of(x.get(0), x.get(1))));
    }

    @Test
    void indexing() {
        TensorData index = new TensorData(Shape.of(3, 2), new float[] {0, 4, 2, 2, 1, 3});
        check().input(3, 5).check("gather", x -> x.get(0).gather(1, e.tensors.of(index)));
        TensorData mask = new TensorData(Shape.of(4), new float[] {1, 0, 1, 1});
        check().input(3, 4).check("masked select", x -> x.get(0).maskedSelect(e.tensors.of(mask)));
        TensorData cond = new TensorData(Shape.of(3, 1), new float[] {1, 0, 1});
        check().input(3, 4).input(4).check("where",
                x -> e.tensors.where(e.tensors.of(cond), x.get(0), x.get(1)));
    }

    @Test
    void matrixProducts() {
        check().input(3, 4).input(4, 5).check("matmul", x -> x.get(0).matmul(x.get(1)));
        check().input(2, 3, 4).input(4, 5).check("matmul batched by matrix", x -> x.get(0).matmul(x.get(1)));
        check().input(2, 3, 4).input(2, 4, 5).check("matmul batched", x -> x.get(0).matmul(x.get(1)));
        check().input(1, 3, 4).input(2, 4, 2).check("matmul broadcast batch", x -> x.get(0).matmul(x.get(1)));
        check().input(4).input(4, 3).check("vector matmul", x -> x.get(0).matmul(x.get(1)));
        check().input(3, 4).input(4).check("matmul vector", x -> x.get(0).matmul(x.get(1)));
    }

    @Test
    void straightThroughEstimators() {
        for (String op : List.of("sign", "round")) {
            var p = e.tensors.parameter(new TensorData(Shape.of(5), new float[] {-1.4f, -0.2f, 0.3f, 0.5f, 2.6f}), true);
            try (var s = e.tensors.scope()) {
                Tensor y = op.equals("sign") ? p.sign() : p.round();
                y.mul(e.tensors.of(Shape.of(5), 1, 2, 3, 4, 5)).sum().backward();
                assertArrayEquals(new float[] {1, 2, 3, 4, 5}, p.grad().toArray(), op);
            } finally {
                p.release();
            }
        }
    }
}
