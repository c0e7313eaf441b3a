package io.distillery.engine.core;

import io.distillery.api.backend.Backend;
import io.distillery.api.backend.Buffer;

/**
 * A backend buffer and its lifetime: owned by a scope (released when it closes) or persistent (parameters,
 * gradients and optimizer state, released explicitly and moved when the backend changes, or parked on the host
 * while no backend is available).
 */
public final class Storage {
    private final int length;
    private final boolean persistent;
    private Backend backend;
    private Buffer buffer;
    private String releasedBy;
    private float[] parked;

    Storage(Backend backend, Buffer buffer, int length, boolean persistent) {
        this.backend = backend;
        this.buffer = buffer;
        this.length = length;
        this.persistent = persistent;
    }

    /** @return the number of elements */
    public int length() {
        return length;
    }

    /** @return whether this storage outlives scopes */
    public boolean persistent() {
        return persistent;
    }

    /** @return whether the memory has been given back */
    public boolean released() {
        return releasedBy != null;
    }

    /**
     * @param what the tensor being used, for the message
     * @return the buffer
     * @throws IllegalStateException if the storage was released
     */
    public Buffer buffer(Object what) {
        if (releasedBy != null) {
            throw new IllegalStateException("tensor " + what + " was used after " + releasedBy
                    + "; compute with it inside its scope, or keep it with Scope.keep(...)");
        }
        if (buffer == null) {
            throw new IllegalStateException("tensor " + what + " is parked on the host: no backend is available");
        }
        return buffer;
    }

    /** @return the backend that owns the buffer */
    public Backend backend() {
        return backend;
    }

    /** Marks the storage released and hands its buffer over to be freed or pooled ({@code null} if parked). */
    Buffer take(String why) {
        Buffer b = buffer;
        buffer = null;
        parked = null;
        releasedBy = why;
        return b;
    }

    /**
     * Moves the values to another backend, or to the host when {@code target} is {@code null} (no backend is
     * left); the old buffer is freed.
     */
    void moveTo(Backend target) {
        float[] values = parked;
        if (values == null) {
            values = new float[length];
            backend.download(buffer, 0, values, 0, length);
            backend.free(buffer);
        }
        if (target == null) {
            parked = values;
            buffer = null;
        } else {
            Buffer b = target.allocate(length);
            target.upload(values, 0, b, 0, length);
            parked = null;
            buffer = b;
        }
        backend = target;
    }

    /** @return the element count, for messages */
    @Override
    public String toString() {
        return "of " + length + " elements";
    }
}
