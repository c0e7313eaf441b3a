package io.distillery.engine.ops;

import io.distillery.api.tensor.Shape;

/** Shape arithmetic shared by the operations: broadcasting, padding to a rank, strides, axis splits. */
final class Shapes {
    private Shapes() {
    }

    /**
     * @param op the operation, for the message
     * @param a one shape
     * @param b the other
     * @return the NumPy broadcast of the two
     * @throws IllegalArgumentException naming the operation and both shapes
     */
    static Shape broadcast(String op, Shape a, Shape b) {
        if (a.equals(b)) {
            return a;
        }
        int rank = Math.max(a.rank(), b.rank());
        int[] out = new int[rank];
        int[] pa = padded(a, rank);
        int[] pb = padded(b, rank);
        for (int i = 0; i < rank; i++) {
            if (pa[i] == pb[i] || pb[i] == 1) {
                out[i] = pa[i];
            } else if (pa[i] == 1) {
                out[i] = pb[i];
            } else {
                throw new IllegalArgumentException(op + ": shapes " + a + " and " + b + " do not broadcast");
            }
        }
        return Shape.of(out);
    }

    /**
     * @param s a shape
     * @param rank a rank at least the shape's
     * @return its sizes with leading 1s up to the rank
     */
    static int[] padded(Shape s, int rank) {
        int[] out = new int[rank];
        int off = rank - s.rank();
        for (int i = 0; i < rank; i++) {
            out[i] = i < off ? 1 : s.dim(i - off);
        }
        return out;
    }

    /** @param s a shape @param axis a normalised axis @return the product of the sizes before the axis */
    static int outer(Shape s, int axis) {
        return s.sizeBetween(0, axis);
    }

    /** @param s a shape @param axis a normalised axis @return the product of the sizes after the axis */
    static int inner(Shape s, int axis) {
        return s.sizeBetween(axis + 1, s.rank());
    }

    /** @param s a shape @param axis a normalised axis @return the shape without that axis */
    static Shape without(Shape s, int axis) {
        int[] d = s.toArray();
        int[] out = new int[d.length - 1];
        for (int i = 0, j = 0; i < d.length; i++) {
            if (i != axis) {
                out[j++] = d[i];
            }
        }
        return Shape.of(out);
    }
}
