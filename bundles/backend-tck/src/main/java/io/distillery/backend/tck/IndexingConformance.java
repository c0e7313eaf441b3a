package io.distillery.backend.tck;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distillery.api.backend.Buffer;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Conformance of {@code gather} and {@code scatterAdd}: repeated indices (which scatter-add must sum), more
 * picks than entries, size-1 axes, no picks at all, accumulation onto existing values, and out-of-range
 * indices, which must throw an {@link IndexOutOfBoundsException} naming the index.
 */
public abstract class IndexingConformance extends KernelTest {

    /**
     * Sizes of a gather.
     *
     * @param outer the product of the axes before the indexed one
     * @param n the indexed axis' size
     * @param inner the product of the axes after it
     * @param k picks per position
     */
    record Sizes(int outer, int n, int inner, int k) {
    }

    static List<Sizes> sizes() {
        return List.of(new Sizes(1, 1, 1, 1), new Sizes(1, 10, 1, 4), new Sizes(8, 5, 1, 1), new Sizes(3, 4, 6, 9),
                new Sizes(2, 7, 3, 0), new Sizes(64, 100, 1, 1), new Sizes(2, 3, 500, 5));
    }

    private static float[] indices(Sizes s, SplittableRandom random) {
        return Values.integers(random, s.outer() * s.k() * s.inner(), 0, s.n() - 1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sizes")
    void gatherMatchesReference(Sizes s) {
        SplittableRandom random = new SplittableRandom(s.toString().hashCode());
        float[] x = Values.uniform(random, s.outer() * s.n() * s.inner(), -1, 1);
        float[] index = indices(s, random);
        Buffer y = upload(Values.filled(index.length, Float.NaN));
        backend().gather(upload(x), s.outer(), s.n(), s.inner(), upload(index), s.k(), y);
        Check.close("gather " + s, download(y),
                ReferenceReductions.gather(x, s.outer(), s.n(), s.inner(), index, s.k()), Tolerances.EXACT);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sizes")
    void scatterAddMatchesReference(Sizes s) {
        SplittableRandom random = new SplittableRandom(s.toString().hashCode());
        float[] dy = Values.uniform(random, s.outer() * s.k() * s.inner(), -1, 1);
        float[] index = indices(s, random);
        float[] dx = Values.uniform(random, s.outer() * s.n() * s.inner(), -1, 1);
        Buffer out = upload(dx);
        backend().scatterAdd(upload(dy), s.outer(), s.n(), s.inner(), upload(index), s.k(), out);
        Check.close("scatterAdd " + s + " onto existing values", download(out),
                ReferenceReductions.scatterAdd(dy, s.outer(), s.n(), s.inner(), index, s.k(), dx),
                Tolerances.sum(s.k() + 1L));
    }

    @ParameterizedTest(name = "index {0}")
    @ValueSource(ints = {5, 123, -1})
    void gatherRejectsAnIndexOutOfRange(int bad) {
        float[] index = {0, 4, 2, bad, 1, 3};
        Buffer x = upload(new float[2 * 5 * 1]);
        Buffer i = upload(index);
        Buffer y = allocate(index.length);
        IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class,
                () -> backend().gather(x, 2, 5, 1, i, 3, y), "gather with index " + bad + " of an axis of 5");
        assertTrue(String.valueOf(e.getMessage()).contains(Integer.toString(bad)),
                "the message should name the index " + bad + ": " + e.getMessage());
    }
}
