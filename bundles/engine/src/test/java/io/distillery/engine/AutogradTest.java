package io.distillery.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distillery.api.tensor.Parameter;
import io.distillery.api.tensor.Scope;
import io.distillery.api.tensor.Shape;
import io.distillery.api.tensor.Tensor;
import io.distillery.api.tensor.TensorData;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Autograd semantics, scopes, and the errors bad use gets. */
class AutogradTest {
    private final TestEngine e = new TestEngine();
    private final Parameter p = e.tensors.parameter(new TensorData(Shape.of(3), new float[] {1, 2, 3}), true);

    @AfterEach
    void release() {
        p.release();
    }

    @Test
    void gradientsFromSeveralUsesAreSummed() {
        try (Scope s = e.tensors.scope()) {
            p.mul(p).add(p.mul(3)).sum().backward();
            assertArrayEquals(new float[] {5, 7, 9}, p.grad().toArray());
        }
    }

    @Test
    void gradientsAccumulateUntilZeroed() {
        try (Scope s = e.tensors.scope()) {
            p.sum().backward();
            p.sum().backward();
            assertArrayEquals(new float[] {2, 2, 2}, p.grad().toArray());
            p.zeroGrad();
            assertNull(p.grad());
            p.mul(2).sum().backward();
            assertArrayEquals(new float[] {2, 2, 2}, p.grad().toArray());
        }
    }

    @Test
    void layerGradientsAccumulateAcrossBackwardCalls() {
        var layer = e.layers.linear(3, 2);
        var weight = layer.namedParameters().get("weight");
        float[] once;
        try (Scope s = e.tensors.scope()) {
            layer.forward(p.reshape(1, 3)).sum().backward();
            once = weight.grad().toArray();
            layer.forward(p.reshape(1, 3)).sum().backward();
            float[] twice = weight.grad().toArray();
            for (int i = 0; i < once.length; i++) {
                assertEquals(2 * once[i], twice[i], 1e-6, "element " + i);
            }
        }
    }

    @Test
    void detachAndNoGradCutTheGraph() throws Exception {
        try (Scope s = e.tensors.scope()) {
            assertFalse(p.detach().requiresGrad());
            p.mul(p.detach()).sum().backward();
            assertArrayEquals(new float[] {1, 2, 3}, p.grad().toArray());
            try (AutoCloseable off = e.tensors.noGrad()) {
                assertFalse(p.mul(2).requiresGrad());
            }
            assertTrue(p.mul(2).requiresGrad());
        }
    }

    @Test
    void frozenParametersGetNoGradient() {
        Parameter frozen = e.tensors.parameter(new TensorData(Shape.of(3), new float[] {1, 1, 1}), false);
        try (Scope s = e.tensors.scope()) {
            p.mul(frozen).sum().backward();
            assertNull(frozen.grad());
            assertArrayEquals(new float[] {1, 1, 1}, p.grad().toArray());
        } finally {
            frozen.release();
        }
    }

    @Test
    void backwardOnNonScalarNeedsAGradient() {
        try (Scope s = e.tensors.scope()) {
            Tensor y = p.mul(2);
            var ex = assertThrows(IllegalStateException.class, y::backward);
            assertTrue(ex.getMessage().contains("scalar") && ex.getMessage().contains("[3]"), ex.getMessage());
            y.backward(e.tensors.ones(Shape.of(3)));
            assertArrayEquals(new float[] {2, 2, 2}, p.grad().toArray());
        }
    }

    @Test
    void backwardWithoutGradientFailsClearly() {
        try (Scope s = e.tensors.scope()) {
            Tensor c = e.tensors.ones(Shape.of(2)).sum();
            var ex = assertThrows(IllegalStateException.class, c::backward);
            assertTrue(ex.getMessage().contains("does not require a gradient"), ex.getMessage());
        }
    }

    @Test
    void shapeMismatchNamesTheOperationAndBothShapes() {
        try (Scope s = e.tensors.scope()) {
            Tensor a = e.tensors.zeros(Shape.of(2, 3));
            Tensor b = e.tensors.zeros(Shape.of(4));
            var add = assertThrows(IllegalArgumentException.class, () -> a.add(b));
            assertTrue(add.getMessage().contains("add") && add.getMessage().contains("[2, 3]")
                    && add.getMessage().contains("[4]"), add.getMessage());
            var mm = assertThrows(IllegalArgumentException.class, () -> a.matmul(e.tensors.zeros(Shape.of(2, 3))));
            assertTrue(mm.getMessage().contains("matmul") && mm.getMessage().contains("[2, 3]"), mm.getMessage());
            var rs = assertThrows(IllegalArgumentException.class, () -> a.reshape(5, 2));
            assertTrue(rs.getMessage().contains("reshape") && rs.getMessage().contains("[5, 2]"), rs.getMessage());
        }
    }

    @Test
    void usingAReleasedTensorFailsClearly() {
        Tensor leaked;
        try (Scope s = e.tensors.scope()) {
            leaked = e.tensors.ones(Shape.of(2));
        }
        var ex = assertThrows(IllegalStateException.class, leaked::toArray);
        assertTrue(ex.getMessage().contains("scope closed"), ex.getMessage());
        try (Scope s = e.tensors.scope()) {
            assertThrows(IllegalStateException.class, () -> leaked.add(1));
        }
    }

    @Test
    void makingTensorsNeedsAScope() {
        var ex = assertThrows(IllegalStateException.class, () -> e.tensors.zeros(Shape.of(1)));
        assertTrue(ex.getMessage().contains("no open scope"), ex.getMessage());
    }

    @Test
    void keepMovesATensorToTheEnclosingScope() {
        try (Scope outer = e.tensors.scope()) {
            Tensor kept;
            try (Scope inner = e.tensors.scope()) {
                kept = inner.keep(p.mul(2));
            }
            assertArrayEquals(new float[] {2, 4, 6}, kept.toArray());
            assertFalse(kept.requiresGrad(), "history is dropped");
            var ex = assertThrows(IllegalStateException.class, () -> outer.keep(kept));
            assertTrue(ex.getMessage().contains("outermost"), ex.getMessage());
        }
    }

    @Test
    void releasedParameterFailsClearly() {
        Parameter q = e.tensors.parameter(new TensorData(Shape.of(1), new float[] {1}), true);
        q.release();
        try (Scope s = e.tensors.scope()) {
            var ex = assertThrows(IllegalStateException.class, () -> q.add(1));
            assertTrue(ex.getMessage().contains("released"), ex.getMessage());
        }
    }

    @Test
    void closingAnOuterScopeClosesInnerOnes() {
        Scope outer = e.tensors.scope();
        e.tensors.scope();
        e.tensors.zeros(Shape.of(4));
        outer.close();
        assertEquals(0, e.engine.memoryStats().scopedStorages());
    }
}
