package io.distillery.engine.core;

import java.util.ArrayDeque;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.distillery.api.backend.Backend;
import io.distillery.api.tensor.Shape;

/**
 * The heart of the engine: the current backend, its buffer pool, each thread's scopes and gradient mode, and
 * the registry of persistent storages.
 *
 * <p>Every tensor is a {@link Storage} on the current backend plus a shape and its autograd history. Scoped
 * storages go back to the pool when their scope closes; persistent ones (parameters, gradients, optimizer
 * state) are registered here, which is what lets the engine move them all to another backend.
 */
public final class Engine {
    private volatile BufferPool pool;
    private final ThreadLocal<ArrayDeque<EngineScope>> scopes = ThreadLocal.withInitial(ArrayDeque::new);
    private final ThreadLocal<int[]> noGradDepth = ThreadLocal.withInitial(() -> new int[1]);
    private final Set<Storage> persistent = ConcurrentHashMap.newKeySet();
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicLong liveScoped = new AtomicLong();

    /** @param backend the backend to compute on */
    public Engine(Backend backend) {
        this.pool = new BufferPool(backend);
    }

    /** @return the backend new tensors are made on */
    public Backend backend() {
        return pool.backend();
    }

    // ---- scopes

    /** @return a new scope nested in the calling thread's innermost one */
    public EngineScope openScope() {
        ArrayDeque<EngineScope> stack = scopes.get();
        EngineScope s = new EngineScope(this, stack.peek());
        stack.push(s);
        return s;
    }

    void closing(EngineScope scope) {
        ArrayDeque<EngineScope> stack = scopes.get();
        if (!stack.contains(scope)) {
            throw new IllegalStateException("a scope must be closed on the thread that opened it");
        }
        // Closing an outer scope first closes any inner ones still open, so nothing leaks.
        while (stack.peek() != scope) {
            stack.peek().close();
        }
        stack.pop();
    }

    private EngineScope currentScope() {
        EngineScope s = scopes.get().peek();
        if (s == null) {
            throw new IllegalStateException("no open scope on this thread: make tensors inside "
                    + "try (Scope scope = tensors.scope()) { ... }");
        }
        return s;
    }

    // ---- gradient mode

    /** @return whether operations on this thread record autograd history */
    public boolean gradEnabled() {
        return noGradDepth.get()[0] == 0;
    }

    /** @return a handle that turns recording off on this thread until closed */
    public AutoCloseable noGrad() {
        int[] depth = noGradDepth.get();
        depth[0]++;
        boolean[] closed = {false};
        return () -> {
            if (!closed[0]) {
                closed[0] = true;
                depth[0]--;
            }
        };
    }

    // ---- making tensors

    /**
     * @param shape the shape
     * @return a tensor with stale contents, for an operation to overwrite
     */
    public EngineTensor empty(Shape shape) {
        return new EngineTensor(this, shape, allocate(shape.size(), false));
    }

    /** @param shape the shape @return a tensor of zeros */
    public EngineTensor zeros(Shape shape) {
        return new EngineTensor(this, shape, allocate(shape.size(), true));
    }

    /** @param shape the shape @param value the value @return a tensor filled with the value */
    public EngineTensor full(Shape shape, float value) {
        EngineTensor t = empty(shape);
        backend().fill(t.buffer(), 0, shape.size(), value);
        return t;
    }

    /**
     * @param shape the shape
     * @param values exactly {@code shape.size()} values
     * @return a tensor holding a copy of them
     */
    public EngineTensor upload(Shape shape, float[] values) {
        if (values.length != shape.size()) {
            throw new IllegalArgumentException("shape " + shape + " needs " + shape.size() + " values, got " + values.length);
        }
        EngineTensor t = empty(shape);
        backend().upload(values, 0, t.buffer(), 0, values.length);
        return t;
    }

    /**
     * @param source the tensor whose storage to share
     * @param shape a shape with the same number of elements
     * @return a tensor over the same memory, without history
     */
    public EngineTensor view(EngineTensor source, Shape shape) {
        return new EngineTensor(this, shape, source.storage());
    }

    // ---- memory

    /**
     * @param length elements
     * @param zeroed whether the caller needs zeros (otherwise the contents are stale)
     * @return a storage owned by the calling thread's innermost scope
     */
    public Storage allocate(int length, boolean zeroed) {
        EngineScope scope = currentScope();
        BufferPool p = pool;
        Storage s = new Storage(p.backend(), p.take(length, zeroed), length, false);
        scope.own(s);
        liveScoped.incrementAndGet();
        return s;
    }

    /**
     * @param length elements
     * @return a zero-filled storage outside every scope, registered until {@link #release(Storage)}
     */
    public Storage allocatePersistent(int length) {
        BufferPool p = pool;
        Storage s = new Storage(p.backend(), p.backend().allocate(length), length, true);
        persistent.add(s);
        return s;
    }

    /** @param storage a persistent storage to free now */
    public void release(Storage storage) {
        if (!storage.persistent()) {
            throw new IllegalArgumentException("only persistent storages are released explicitly");
        }
        if (!storage.released() && persistent.remove(storage)) {
            storage.backend().free(storage.take("it was released"));
        }
    }

    /** @param storage a storage @return a copy of its values */
    public float[] read(Storage storage) {
        float[] v = new float[storage.length()];
        storage.backend().download(storage.buffer(storage), 0, v, 0, v.length);
        return v;
    }

    /** @param storage a storage @param values exactly its length of values to copy in */
    public void write(Storage storage, float[] values) {
        if (values.length != storage.length()) {
            throw new IllegalArgumentException("expected " + storage.length() + " values, got " + values.length);
        }
        storage.backend().upload(values, 0, storage.buffer(storage), 0, values.length);
    }

    void recycle(Storage storage, String why) {
        Backend owner = storage.backend();
        BufferPool p = pool;
        if (owner == p.backend()) {
            p.give(storage.take(why), storage.length());
        } else {
            owner.free(storage.take(why));
        }
        liveScoped.decrementAndGet();
    }

    /** @return the next value of the creation counter, which orders tensors topologically */
    long nextSequence() {
        return sequence.incrementAndGet();
    }

    /** @return live scoped storages, persistent storages and pooled elements, for leak tests */
    public MemoryStats memoryStats() {
        return new MemoryStats(liveScoped.get(), persistent.size(), pool.pooledElements());
    }

    /**
     * Live memory as the engine sees it.
     *
     * @param scopedStorages storages owned by open scopes
     * @param persistentStorages parameters, gradients and optimizer state
     * @param pooledElements elements held for reuse
     */
    public record MemoryStats(long scopedStorages, long persistentStorages, long pooledElements) {
    }
}
