package io.distillery.backend.nd4j;

import io.distillery.api.backend.Buffer;

import java.nio.FloatBuffer;

import org.bytedeco.javacpp.FloatPointer;
import org.nd4j.linalg.api.buffer.DataBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A buffer of the ND4J backend: float32 elements in native memory, owned through an ND4J {@link DataBuffer}.
 *
 * <p>Kernels reach the elements through a direct {@link FloatBuffer} view with bulk absolute transfers, and BLAS
 * through the native address. {@link #free()} releases the native memory at once rather than when the garbage
 * collector finds the buffer, so a training loop's native footprint follows what it holds, not the heap's
 * rhythm. A freed buffer fails on its next use.
 */
final class Nd4jBuffer implements Buffer {
    /** The most elements a buffer holds: a {@link FloatBuffer} is indexed by {@code int}. */
    static final long MAX_LENGTH = Integer.MAX_VALUE;

    private final int length;
    private DataBuffer data;
    private FloatBuffer floats;

    /** @param length the number of elements, at most {@link #MAX_LENGTH}; they start as zeros */
    Nd4jBuffer(int length) {
        this(length, true);
    }

    private Nd4jBuffer(int length, boolean zeroed) {
        this.length = length;
        Nd4jRuntime.start();
        if (length > 0) {
            data = Nd4j.createBuffer(DataType.FLOAT, length, zeroed);
            floats = data.asNioFloat();
        } else {
            floats = FloatBuffer.allocate(0); // ND4J has no empty buffer; nothing native to own
        }
    }

    /**
     * @param length the number of elements
     * @return a work buffer whose elements start undefined: a kernel that overwrites every element it reads
     *     need not pay for zeroing megabytes first
     */
    static Nd4jBuffer scratch(int length) {
        return new Nd4jBuffer(length, false);
    }

    @Override
    public long length() {
        return length;
    }

    /** Releases the native memory; any later use of this buffer throws. */
    void free() {
        if (floats == null) {
            throw new IllegalStateException("nd4j backend buffer of " + length + " floats freed twice");
        }
        floats = null;
        if (data != null) {
            data.close();
            data = null;
        }
    }

    /**
     * @param offset an element index
     * @return a pointer to that element, for BLAS; it does not own the memory
     */
    FloatPointer pointer(long offset) {
        checkLive();
        return new FloatPointer(data.addressPointer()).position(offset);
    }

    /** @return a view of the elements for absolute (position-independent) bulk transfers */
    FloatBuffer floats() {
        checkLive();
        return floats;
    }

    private void checkLive() {
        if (floats == null) {
            throw new IllegalStateException("nd4j backend buffer of " + length + " floats used after free");
        }
    }

    /**
     * @param buffer a buffer of this backend
     * @return it, checked
     * @throws IllegalArgumentException if it belongs to another backend
     * @throws IllegalStateException if it was freed
     */
    static Nd4jBuffer of(Buffer buffer) {
        if (!(buffer instanceof Nd4jBuffer nd4j)) {
            throw new IllegalArgumentException("not an nd4j backend buffer: "
                    + (buffer == null ? "null" : buffer.getClass().getName()));
        }
        nd4j.checkLive();
        return nd4j;
    }

    /**
     * @param buffer a buffer of this backend
     * @param needed the elements a kernel will touch
     * @param role the operand's name for the error message, e.g. {@code "gemm A"}
     * @return it, checked
     * @throws IllegalArgumentException if it is shorter than {@code needed}
     */
    static Nd4jBuffer of(Buffer buffer, long needed, String role) {
        Nd4jBuffer nd4j = of(buffer);
        if (nd4j.length < needed) {
            throw new IllegalArgumentException(role + " needs " + needed + " elements but its buffer holds "
                    + nd4j.length);
        }
        return nd4j;
    }

    /**
     * @param buffer a buffer of this backend
     * @param needed the elements a kernel will touch
     * @param role the operand's name for the error message
     * @return a view of its elements for absolute (position-independent) bulk transfers
     */
    static FloatBuffer floats(Buffer buffer, long needed, String role) {
        return of(buffer, needed, role).floats();
    }

    @Override
    public String toString() {
        return "Nd4jBuffer[" + length + (floats == null ? ", freed]" : "]");
    }
}
