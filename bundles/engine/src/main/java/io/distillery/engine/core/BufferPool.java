package io.distillery.engine.core;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

import io.distillery.api.backend.Backend;
import io.distillery.api.backend.Buffer;

/**
 * Buffers of one backend that scopes gave back, kept by length for the next step to reuse.
 *
 * <p>A training step allocates the same sizes every time, so after the first step nearly every allocation is
 * a reuse: the native allocator and the garbage collector stay out of the loop, and memory stays flat.
 * Pooled buffers hold stale values; callers that need zeros ask for them.
 */
final class BufferPool {
    private final Backend backend;
    private final Map<Integer, ArrayDeque<Buffer>> free = new HashMap<>();
    private long pooledElements;

    BufferPool(Backend backend) {
        this.backend = backend;
    }

    Backend backend() {
        return backend;
    }

    synchronized Buffer take(int length, boolean zeroed) {
        ArrayDeque<Buffer> q = free.get(length);
        Buffer b = q == null ? null : q.poll();
        if (b == null) {
            return backend.allocate(length);
        }
        pooledElements -= length;
        if (zeroed) {
            backend.fill(b, 0, length, 0f);
        }
        return b;
    }

    synchronized void give(Buffer buffer, int length) {
        free.computeIfAbsent(length, k -> new ArrayDeque<>()).push(buffer);
        pooledElements += length;
    }

    /** Frees every pooled buffer, e.g. when its backend goes away. */
    synchronized void clear() {
        for (Map.Entry<Integer, ArrayDeque<Buffer>> e : free.entrySet()) {
            for (Buffer b : e.getValue()) {
                backend.free(b);
            }
        }
        free.clear();
        pooledElements = 0;
    }

    synchronized long pooledElements() {
        return pooledElements;
    }
}
