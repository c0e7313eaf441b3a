package io.distillery.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import io.distillery.api.nn.LearningRateSchedule;
import io.distillery.api.nn.Optimizer;
import io.distillery.api.nn.OptimizerSpec;
import io.distillery.api.nn.ScheduleSpec;
import io.distillery.api.tensor.Parameter;
import io.distillery.api.tensor.Scope;
import io.distillery.api.tensor.Shape;
import io.distillery.api.tensor.TensorData;

import org.junit.jupiter.api.Test;

/** Optimizers against their formulas computed in double precision, schedules, clipping, state. */
class OptimizerTest {
    private static final float[] START = {0.5f, -1.5f, 2f};
    private static final float[] GRAD = {0.1f, -0.3f, 0.7f};
    private final TestEngine e = new TestEngine();

    private Parameter param() {
        return e.tensors.parameter(new TensorData(Shape.of(3), START), true);
    }

    // sets the gradient to GRAD * step (varying across steps) through backward()
    private void gradient(Parameter p, int step) {
        try (Scope s = e.tensors.scope()) {
            p.mul(e.tensors.of(Shape.of(3), GRAD).mul(step)).sum().backward();
        }
    }

    private float[] run(OptimizerSpec spec, int steps) {
        Parameter p = param();
        try (Optimizer opt = e.optimizers.create(spec, Map.of("w", p))) {
            for (int t = 1; t <= steps; t++) {
                opt.zeroGrad();
                gradient(p, t);
                opt.step();
            }
            return p.data().values();
        } finally {
            p.release();
        }
    }

    @Test
    void sgdWithMomentumNesterovAndDecayFollowsItsFormula() {
        for (boolean nesterov : new boolean[] {false, true}) {
            double lr = 0.1;
            double mu = 0.9;
            double wd = 0.01;
            double[] w = {START[0], START[1], START[2]};
            double[] v = new double[3];
            for (int t = 1; t <= 4; t++) {
                for (int i = 0; i < 3; i++) {
                    double g = GRAD[i] * t + wd * w[i];
                    v[i] = mu * v[i] + g;
                    w[i] -= lr * (nesterov ? g + mu * v[i] : v[i]);
                }
            }
            assertClose(w, run(OptimizerSpec.sgd(lr).withMomentum(mu).withWeightDecay(wd).withNesterov(nesterov), 4));
        }
        double[] plain = {START[0] - 0.1 * GRAD[0] * 3, START[1] - 0.1 * GRAD[1] * 3, START[2] - 0.1 * GRAD[2] * 3};
        assertClose(plain, run(OptimizerSpec.sgd(0.1), 2));
    }

    @Test
    void adamAndAdamWFollowTheirFormulas() {
        for (boolean decoupled : new boolean[] {false, true}) {
            double lr = 0.01;
            double b1 = 0.9;
            double b2 = 0.999;
            double eps = 1e-8;
            double wd = 0.1;
            double[] w = {START[0], START[1], START[2]};
            double[] m = new double[3];
            double[] v = new double[3];
            for (int t = 1; t <= 5; t++) {
                for (int i = 0; i < 3; i++) {
                    double g = GRAD[i] * t + (decoupled ? 0 : wd * w[i]);
                    m[i] = b1 * m[i] + (1 - b1) * g;
                    v[i] = b2 * v[i] + (1 - b2) * g * g;
                    if (decoupled) {
                        w[i] *= 1 - lr * wd;
                    }
                    w[i] -= lr * (m[i] / (1 - Math.pow(b1, t))) / (Math.sqrt(v[i] / (1 - Math.pow(b2, t))) + eps);
                }
            }
            OptimizerSpec spec = (decoupled ? OptimizerSpec.adamw(lr) : OptimizerSpec.adam(lr)).withWeightDecay(wd);
            assertClose(w, run(spec, 5));
        }
    }

    private static void assertClose(double[] expected, float[] actual) {
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-5 + 1e-5 * Math.abs(expected[i]), "element " + i);
        }
    }

    @Test
    void stateDictRestoresTheTrajectory() {
        OptimizerSpec spec = OptimizerSpec.adam(0.05);
        Parameter a = param();
        Parameter b = param();
        try (Optimizer first = e.optimizers.create(spec, Map.of("w", a))) {
            for (int t = 1; t <= 3; t++) {
                first.zeroGrad();
                gradient(a, t);
                first.step();
            }
            b.assign(a.data());
            try (Optimizer second = e.optimizers.create(spec, Map.of("w", b))) {
                second.loadStateDict(first.stateDict());
                assertEquals(3, second.steps());
                for (Optimizer o : List.of(first, second)) {
                    o.zeroGrad();
                }
                gradient(a, 4);
                gradient(b, 4);
                first.step();
                second.step();
                assertArrayEquals(a.data().values(), b.data().values());
            }
        } finally {
            a.release();
            b.release();
        }
    }

    @Test
    void unknownNamesListTheKnownOnes() {
        Parameter p = param();
        try {
            var ex = assertThrows(IllegalArgumentException.class,
                    () -> e.optimizers.create(new OptimizerSpec("rmsprop", 0.1, 0, false, 0, 0.9, 0.999, 1e-8), Map.of("w", p)));
            assertTrue(ex.getMessage().contains("sgd, adam, adamw"), ex.getMessage());
            var sched = assertThrows(IllegalArgumentException.class,
                    () -> e.optimizers.schedule(new ScheduleSpec("poly", 1, 1, List.of(), 0, 0), 0.1, 10));
            assertTrue(sched.getMessage().contains("cosine"), sched.getMessage());
        } finally {
            p.release();
        }
    }

    @Test
    void schedulesGiveTheirFactors() {
        assertEquals(0.1, e.optimizers.schedule(ScheduleSpec.constant(), 0.1, 5).learningRate(3.7), 1e-12);
        LearningRateSchedule step = e.optimizers.schedule(ScheduleSpec.step(2, 0.5), 1, 10);
        assertEquals(1, step.learningRate(1.9), 1e-12);
        assertEquals(0.5, step.learningRate(2), 1e-12);
        assertEquals(0.25, step.learningRate(5.5), 1e-12);
        LearningRateSchedule multi = e.optimizers.schedule(ScheduleSpec.multiStep(List.of(3, 7), 0.1), 1, 10);
        assertEquals(1, multi.learningRate(2.99), 1e-12);
        assertEquals(0.1, multi.learningRate(3), 1e-12);
        assertEquals(0.01, multi.learningRate(8), 1e-12);
        assertEquals(0.9 * 0.9, e.optimizers.schedule(ScheduleSpec.exponential(0.9), 1, 10).learningRate(2.5), 1e-12);
        LearningRateSchedule cos = e.optimizers.schedule(ScheduleSpec.cosine(0.1), 1, 10);
        assertEquals(1, cos.learningRate(0), 1e-12);
        assertEquals(0.55, cos.learningRate(5), 1e-12);
        assertEquals(0.1, cos.learningRate(10), 1e-12);
        LearningRateSchedule warm = e.optimizers.schedule(ScheduleSpec.cosine(0).withWarmup(2), 1, 12);
        assertEquals(0.25, warm.learningRate(0.5), 1e-12);
        assertEquals(1, warm.learningRate(2), 1e-12);
        assertEquals(0.5, warm.learningRate(7), 1e-12);
    }

    @Test
    void clippingScalesTheJointNorm() {
        Parameter a = param();
        Parameter b = param();
        try {
            gradient(a, 1);
            gradient(b, 1);
            double each = Math.sqrt(0.01 + 0.09 + 0.49);
            double norm = e.optimizers.clipGradNorm(List.of(a, b), 0.5);
            assertEquals(Math.sqrt(2) * each, norm, 1e-5);
            double after;
            try (Scope s = e.tensors.scope()) {
                after = Math.sqrt(a.grad().mul(a.grad()).sum().item() + b.grad().mul(b.grad()).sum().item());
            }
            assertEquals(0.5, after, 1e-4);
            assertEquals(0.5, e.optimizers.clipGradNorm(List.of(a, b), 1.0), 1e-4, "below the limit nothing changes");
        } finally {
            a.release();
            b.release();
        }
    }
}
