package io.distillery.backend.jvm;

import io.distillery.api.backend.Buffer;

/**
 * A buffer of the JVM backend: an on-heap {@code float[]}.
 *
 * <p>Freeing drops the array so that a use after free fails at once instead of reading stale values.
 */
final class JvmBuffer implements Buffer {
    /** The largest array HotSpot allocates reliably. */
    static final int MAX_LENGTH = Integer.MAX_VALUE - 8;

    private final int length;
    private float[] data;

    /** @param length the number of elements, at most {@link #MAX_LENGTH} */
    JvmBuffer(int length) {
        this.length = length;
        this.data = new float[length];
    }

    @Override
    public long length() {
        return length;
    }

    /** Drops the array; any later use of this buffer throws. */
    void free() {
        if (data == null) {
            throw new IllegalStateException("jvm backend buffer of " + length + " floats freed twice");
        }
        data = null;
    }

    /**
     * @param buffer a buffer of this backend
     * @return its array
     * @throws IllegalArgumentException if the buffer belongs to another backend
     * @throws IllegalStateException if it was freed
     */
    static float[] data(Buffer buffer) {
        if (!(buffer instanceof JvmBuffer jvm)) {
            throw new IllegalArgumentException("not a jvm backend buffer: "
                    + (buffer == null ? "null" : buffer.getClass().getName()));
        }
        if (jvm.data == null) {
            throw new IllegalStateException("jvm backend buffer of " + jvm.length + " floats used after free");
        }
        return jvm.data;
    }

    /**
     * @param buffer a buffer of this backend
     * @param needed the elements a kernel will touch
     * @param role the operand's name for the error message, e.g. {@code "gemm A"}
     * @return its array
     * @throws IllegalArgumentException if the buffer is shorter than {@code needed}
     */
    static float[] data(Buffer buffer, long needed, String role) {
        float[] data = data(buffer);
        if (data.length < needed) {
            throw new IllegalArgumentException(role + " needs " + needed + " elements but its buffer holds "
                    + data.length);
        }
        return data;
    }

    @Override
    public String toString() {
        return "JvmBuffer[" + length + (data == null ? ", freed]" : "]");
    }
}
