package io.distillery.engine.core;

import io.distillery.api.backend.Backend;
import io.distillery.api.backend.Buffer;

/**
 * A backend buffer and its lifetime: owned by a scope (released when it closes) or persistent (parameters,
 * gradients and optimizer state, released explicitly and moved when the backend changes).
 */
public final class Storage {
    private final int length;
    private final boolean persistent;
    private Backend backend;
    private Buffer buffer;
    private String releasedBy;

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
        return buffer;
    }

    /** @return the backend that owns the buffer */
    public Backend backend() {
        return backend;
    }

    Buffer take(String why) {
        Buffer b = buffer;
        buffer = null;
        releasedBy = why;
        return b;
    }

    void rehome(Backend newBackend, Buffer newBuffer) {
        this.backend = newBackend;
        this.buffer = newBuffer;
    }
}
