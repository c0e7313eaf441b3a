package io.distillery.backend.tck;

import io.distillery.api.backend.Buffer;
import io.distillery.api.backend.PoolGeometry;
import io.distillery.api.backend.PoolOp;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Conformance of max and average pooling, forward and backward: padding, overlapping windows, odd and
 * non-square sizes, 1-d pooling as height 1, and ties, whose gradient goes to the first maximal element.
 */
public abstract class PoolingConformance extends KernelTest {

    static List<PoolGeometry> geometries() {
        return List.of(
                new PoolGeometry(2, 3, 8, 8, 2, 2, 2, 2, 0, 0),
                new PoolGeometry(2, 2, 7, 5, 3, 3, 2, 2, 1, 1),
                new PoolGeometry(1, 1, 6, 6, 3, 3, 1, 1, 1, 1),
                new PoolGeometry(1, 2, 5, 5, 2, 2, 1, 1, 1, 1),
                new PoolGeometry(3, 2, 1, 17, 1, 3, 1, 2, 0, 1),
                new PoolGeometry(2, 3, 9, 6, 3, 2, 2, 1, 1, 0),
                new PoolGeometry(4, 8, 32, 32, 2, 2, 2, 2, 0, 0),
                new PoolGeometry(5, 8, 33, 31, 3, 3, 2, 2, 1, 1));
    }

    static List<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (PoolOp op : PoolOp.values()) {
            for (PoolGeometry g : geometries()) {
                cases.add(Arguments.of(op, g));
            }
        }
        return cases;
    }

    /** Small integers: windows with tied maxima. */
    private static float[] input(PoolGeometry g) {
        return Values.integers(new SplittableRandom(g.toString().hashCode()), (int) g.inputSize(), 0, 3);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void forward(PoolOp op, PoolGeometry g) {
        float[] x = input(g);
        Buffer y = upload(Values.filled((int) g.outputSize(), Float.NaN));
        backend().pool2d(g, op, upload(x), y);
        Check.close("pool2d " + op + " " + g, download(y), ReferencePooling.forward(g, op, x),
                op == PoolOp.MAX ? Tolerances.EXACT : Tolerances.sum((long) g.kernelH() * g.kernelW()));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void backward(PoolOp op, PoolGeometry g) {
        float[] x = input(g);
        float[] dy = Values.uniform(new SplittableRandom(g.toString().hashCode() + 1L), (int) g.outputSize(), -1, 1);
        Buffer dx = upload(Values.filled((int) g.inputSize(), Float.NaN));
        backend().pool2dBackward(g, op, upload(x), upload(dy), dx);
        long overlap = (long) ceilDiv(g.kernelH(), g.strideH()) * ceilDiv(g.kernelW(), g.strideW());
        Check.close("pool2dBackward " + op + " " + g, download(dx), ReferencePooling.backward(g, op, x, dy),
                Tolerances.sum(overlap + 1));
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
