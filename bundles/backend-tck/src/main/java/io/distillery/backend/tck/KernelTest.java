package io.distillery.backend.tck;

import io.distillery.api.backend.Backend;
import io.distillery.api.backend.Buffer;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;

/**
 * The base of every kernel family's tests: the backend under test, and buffers that are freed after each test.
 */
public abstract class KernelTest {
    private final List<Buffer> buffers = new ArrayList<>();

    /**
     * The backend under test; called once or more per test, so return a shared instance.
     *
     * @return the backend
     */
    protected abstract Backend backend();

    /**
     * @param values the contents
     * @return a new buffer holding them, freed after the test
     */
    protected Buffer upload(float[] values) {
        Buffer buffer = allocate(values.length);
        backend().upload(values, 0, buffer, 0, values.length);
        return buffer;
    }

    /**
     * @param length the number of elements
     * @return a new zero-filled buffer, freed after the test
     */
    protected Buffer allocate(long length) {
        Buffer buffer = backend().allocate(length);
        buffers.add(buffer);
        return buffer;
    }

    /**
     * @param buffer a buffer
     * @return its whole contents
     */
    protected float[] download(Buffer buffer) {
        float[] values = new float[(int) buffer.length()];
        backend().download(buffer, 0, values, 0, values.length);
        return values;
    }

    @AfterEach
    void freeBuffers() {
        for (Buffer buffer : buffers) {
            backend().free(buffer);
        }
        buffers.clear();
    }
}
