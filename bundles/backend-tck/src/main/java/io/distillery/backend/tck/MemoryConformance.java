package io.distillery.backend.tck;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.distillery.api.backend.Buffer;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** Conformance of allocation, host transfers with offsets, and fill. Strided copy has its own class. */
public abstract class MemoryConformance extends KernelTest {

    @Test
    void allocatesZeroFilledBuffersOfTheAskedLength() {
        Buffer buffer = allocate(1001);
        assertEquals(1001, buffer.length());
        assertArrayEquals(new float[1001], download(buffer));
        assertEquals(0, allocate(0).length());
    }

    @Test
    void transfersRangesAtOffsets() {
        float[] host = Values.uniform(new SplittableRandom(1), 50, -1, 1);
        Buffer buffer = allocate(40);
        backend().upload(host, 10, buffer, 5, 30);
        float[] expected = new float[40];
        System.arraycopy(host, 10, expected, 5, 30);
        assertArrayEquals(expected, download(buffer), "upload of 30 values from host offset 10 to buffer offset 5");

        float[] back = Values.filled(20, 42);
        backend().download(buffer, 7, back, 3, 12);
        float[] expectedBack = Values.filled(20, 42);
        System.arraycopy(expected, 7, expectedBack, 3, 12);
        assertArrayEquals(expectedBack, back, "download of 12 elements from buffer offset 7 to host offset 3");
    }

    @Test
    void fillsARange() {
        Buffer buffer = upload(Values.filled(100, 1));
        backend().fill(buffer, 10, 80, -2.5f);
        backend().fill(buffer, 0, 0, 7);
        float[] expected = Values.filled(100, 1);
        java.util.Arrays.fill(expected, 10, 90, -2.5f);
        assertArrayEquals(expected, download(buffer), "fill of elements [10, 90) with -2.5");
    }
}
