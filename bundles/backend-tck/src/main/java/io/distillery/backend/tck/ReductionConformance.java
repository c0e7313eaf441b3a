package io.distillery.backend.tck;

import io.distillery.api.backend.Buffer;
import io.distillery.api.backend.ReduceOp;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Conformance of {@code reduce}: every reduction over {@code [outer, n, inner]} with size-1 axes, long rows,
 * many columns, and ties (the argmax is the first maximum).
 */
public abstract class ReductionConformance extends KernelTest {
    static final int[][] SHAPES = {{1, 1, 1}, {1, 17, 1}, {3, 1, 5}, {4, 9, 1}, {2, 33, 7}, {1, 5000, 1},
        {3, 40, 2100}, {1, 3, 70_001}, {600, 50, 1}, {700, 50, 1}};

    static List<Arguments> cases() {
        List<int[]> shapes = new ArrayList<>(List.of(SHAPES));
        SplittableRandom random = new SplittableRandom(3);
        for (int r = 0; r < 3; r++) {
            shapes.add(new int[] {random.nextInt(1, 9), random.nextInt(1, 300), random.nextInt(1, 40)});
        }
        List<Arguments> cases = new ArrayList<>();
        for (ReduceOp op : ReduceOp.values()) {
            for (int[] s : shapes) {
                cases.add(Arguments.of(op, s[0], s[1], s[2]));
            }
        }
        return cases;
    }

    @ParameterizedTest(name = "{0} [{1}, {2}, {3}]")
    @MethodSource("cases")
    void matchesReference(ReduceOp op, int outer, int n, int inner) {
        SplittableRandom random = new SplittableRandom(op.ordinal() * 31L + n);
        float[] x = op == ReduceOp.SUM ? Values.uniform(random, outer * n * inner, -1, 1)
                : Values.integers(random, outer * n * inner, -3, 3); // ties
        Buffer y = upload(Values.filled(outer * inner, Float.NaN));
        backend().reduce(op, upload(x), outer, n, inner, y);
        Check.close("reduce " + op + " [" + outer + ", " + n + ", " + inner + "]", download(y),
                ReferenceReductions.reduce(op, x, outer, n, inner),
                op == ReduceOp.SUM ? Tolerances.sum(n) : Tolerances.EXACT);
    }
}
