package io.distillery.engine;

import java.util.concurrent.atomic.AtomicLong;

import io.distillery.api.backend.Backend;
import io.distillery.api.backend.Buffer;
import io.distillery.api.backend.Gemm;
import io.distillery.backend.tck.PrimitiveDelegate;

/**
 * A backend under its own name that runs another's kernels and counts gemm calls and live buffers, so that tests
 * can see which backend did the work and that nothing was left allocated on it.
 */
final class CountingBackend extends PrimitiveDelegate {
    final AtomicLong gemms = new AtomicLong();
    final AtomicLong liveBuffers = new AtomicLong();

    CountingBackend(Backend delegate, String name) {
        super(delegate, name);
    }

    @Override
    public Buffer allocate(long length) {
        liveBuffers.incrementAndGet();
        return super.allocate(length);
    }

    @Override
    public void free(Buffer buffer) {
        liveBuffers.decrementAndGet();
        super.free(buffer);
    }

    @Override
    public void gemm(Gemm gemm, Buffer a, Buffer b, Buffer c) {
        gemms.incrementAndGet();
        super.gemm(gemm, a, b, c);
    }
}
