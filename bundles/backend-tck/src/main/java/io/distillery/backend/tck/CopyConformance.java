package io.distillery.backend.tck;

import io.distillery.api.backend.Buffer;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Conformance of strided {@code copy}: transposes, permutations, slices, concatenation into a larger
 * destination, broadcast expansion with zero source strides, reversal with a negative stride, zero-size and
 * rank-0 shapes. Destination elements the copy does not address must keep their values.
 */
public abstract class CopyConformance extends KernelTest {

    /**
     * One strided copy.
     *
     * @param name what it does
     * @param srcLength the source buffer's length
     * @param srcOffset the source element of index tuple 0
     * @param srcStrides the source steps
     * @param dstLength the destination buffer's length
     * @param dstOffset the destination element of index tuple 0
     * @param dstStrides the destination steps
     * @param shape the index space
     */
    record Case(String name, int srcLength, long srcOffset, long[] srcStrides, int dstLength, long dstOffset,
            long[] dstStrides, int[] shape) {
        @Override
        public String toString() {
            return name + " shape " + Arrays.toString(shape) + " src +" + srcOffset + " " + Arrays.toString(srcStrides)
                    + " dst +" + dstOffset + " " + Arrays.toString(dstStrides);
        }
    }

    static List<Case> cases() {
        return List.of(
                new Case("contiguous", 12, 0, new long[] {4, 1}, 12, 0, new long[] {4, 1}, new int[] {3, 4}),
                new Case("transpose", 35, 0, new long[] {7, 1}, 35, 0, new long[] {1, 5}, new int[] {5, 7}),
                new Case("permute 3-d", 24, 0, new long[] {1, 2, 6}, 24, 0, new long[] {12, 4, 1}, new int[] {2, 3, 4}),
                new Case("slice", 100, 23, new long[] {10, 1}, 12, 0, new long[] {4, 1}, new int[] {3, 4}),
                new Case("concat right half", 6, 0, new long[] {3, 1}, 12, 3, new long[] {6, 1}, new int[] {2, 3}),
                new Case("broadcast rows", 4, 0, new long[] {1, 0}, 24, 0, new long[] {6, 1}, new int[] {4, 6}),
                new Case("broadcast scalar", 3, 2, new long[] {0, 0, 0}, 30, 0, new long[] {15, 5, 1},
                        new int[] {2, 3, 5}),
                new Case("reverse", 9, 8, new long[] {-1}, 9, 0, new long[] {1}, new int[] {9}),
                new Case("size-1 axes", 6, 0, new long[] {6, 1, 2, 1}, 6, 0, new long[] {6, 3, 1, 1},
                        new int[] {1, 2, 3, 1}),
                new Case("zero-size", 5, 0, new long[] {2, 1}, 5, 0, new long[] {2, 1}, new int[] {0, 2}),
                new Case("rank 0", 5, 3, new long[] {}, 5, 1, new long[] {}, new int[] {}),
                new Case("large transpose", 120_000, 0, new long[] {300, 1}, 120_000, 0, new long[] {1, 400},
                        new int[] {400, 300}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesReference(Case c) {
        float[] src = Values.uniform(new SplittableRandom(c.name().hashCode()), c.srcLength(), -1, 1);
        float[] dst = Values.filled(c.dstLength(), 42);
        double[] expected = new double[dst.length];
        Arrays.fill(expected, 42);
        int[] index = new int[c.shape().length];
        for (int n = 0; n < Values.size(c.shape()); n++) {
            long s = c.srcOffset();
            long d = c.dstOffset();
            for (int axis = 0; axis < index.length; axis++) {
                s += index[axis] * c.srcStrides()[axis];
                d += index[axis] * c.dstStrides()[axis];
            }
            expected[(int) d] = src[(int) s];
            for (int axis = index.length - 1; axis >= 0 && ++index[axis] == c.shape()[axis]; axis--) {
                index[axis] = 0;
            }
        }
        Buffer out = upload(dst);
        backend().copy(upload(src), c.srcOffset(), c.srcStrides(), out, c.dstOffset(), c.dstStrides(), c.shape());
        Check.close("copy " + c, download(out), Expected.of(expected), Tolerances.EXACT);
    }
}
