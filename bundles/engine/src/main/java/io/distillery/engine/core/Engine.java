package io.distillery.engine.core;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import io.distillery.api.backend.Backend;
import io.distillery.api.backend.Buffer;
import io.distillery.api.tensor.NoGrad;
import io.distillery.api.tensor.Shape;

/**
 * The heart of the engine: the backends and the one in use, its buffer pool, each thread's scopes and gradient
 * mode, and the registry of persistent storages.
 *
 * <p>Every tensor is a {@link Storage} on the current backend plus a shape and its autograd history. Scoped
 * storages go back to the pool when their scope closes; persistent ones (parameters, gradients, optimizer
 * state) are registered here, which is what lets the engine move them all to another backend.
 *
 * <p>A thread's outermost scope is a step: it holds the engine's read lock from opening to closing, and so does
 * any work on persistent storages outside a step. Moving to another backend takes the write lock, so it
 * happens between steps: a newly preferred backend (one started with a higher ranking, or one the user pinned)
 * is moved to when the next step opens; a backend that stops is moved away from at once, the stop waiting for
 * the running step to finish. With no backend left, persistent values are parked on the host and steps wait
 * for a backend to return, up to a timeout.
 */
public final class Engine {
    private static final System.Logger LOG = System.getLogger(Engine.class.getName());
    /** How long a task run aside sleeps between tries for the lock while a move runs. */
    private static final long ASIDE_RETRY_NANOS = 100_000;

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Condition backendArrived = lock.writeLock().newCondition();
    private final Devices devices = new Devices();
    private volatile BufferPool pool;
    private volatile boolean switchPending;
    private volatile Duration backendWait = Duration.ofSeconds(60);
    private final ThreadLocal<ArrayDeque<EngineScope>> scopes = ThreadLocal.withInitial(ArrayDeque::new);
    private final ThreadLocal<int[]> noGradDepth = ThreadLocal.withInitial(() -> new int[1]);
    /** Above 0 on a thread while it runs a task handed to {@link #aside(Callable)}. */
    private final ThreadLocal<int[]> asideDepth = ThreadLocal.withInitial(() -> new int[1]);
    private final Set<Storage> persistent = ConcurrentHashMap.newKeySet();
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicLong liveScoped = new AtomicLong();

    /** An engine with no backend yet; steps wait until one is {@linkplain #addBackend added}. */
    public Engine() {
    }

    /** @param backend the backend to compute on, added with ranking 0 */
    public Engine(Backend backend) {
        addBackend(backend, backend.name(), 0);
    }

    // ---- backends

    /** @return the backend new tensors are made on */
    public Backend backend() {
        BufferPool p = pool;
        if (p == null) {
            throw new IllegalStateException("no backend is available");
        }
        return p.backend();
    }

    /**
     * Makes a backend available; the engine moves to it at the next step if it is now the preferred one.
     *
     * @param backend the backend
     * @param name its {@code backend.name}
     * @param ranking its {@code service.ranking}
     */
    public void addBackend(Backend backend, String name, int ranking) {
        synchronized (devices) {
            devices.add(backend, name, ranking);
            requestSwitch();
        }
        if (pool == null && lock.getReadHoldCount() == 0) {
            // steps may be waiting for exactly this: move the parked state now and wake them
            lock.writeLock().lock();
            try {
                moveTo(preferred());
                backendArrived.signalAll();
            } finally {
                lock.writeLock().unlock();
            }
        }
    }

    /**
     * Withdraws a backend. If it is in use, waits for the running step to end and moves everything to the next
     * preferred backend, or parks it on the host when none is left; the backend is not used afterwards.
     *
     * @param backend the backend
     */
    public void removeBackend(Backend backend) {
        synchronized (devices) {
            devices.remove(backend);
            requestSwitch();
        }
        BufferPool p = pool;
        if (p != null && p.backend() == backend) {
            if (lock.getReadHoldCount() > 0) {
                throw new IllegalStateException("backend " + backend.name() + " cannot be withdrawn from inside a step");
            }
            lock.writeLock().lock();
            try {
                if (pool == p) {
                    moveTo(preferred());
                }
            } finally {
                lock.writeLock().unlock();
            }
        }
    }

    /**
     * Pins a backend by name, or returns to following rankings; the move happens at the next step.
     *
     * @param name a backend's name, or {@code null}
     */
    public void use(String name) {
        synchronized (devices) {
            devices.pin(name);
            requestSwitch();
        }
    }

    /** @return the name of the backend in use, if any */
    public Optional<String> currentBackend() {
        BufferPool p = pool;
        synchronized (devices) {
            return p == null ? Optional.empty() : Optional.of(devices.nameOf(p.backend()));
        }
    }

    /** @return the available backends' names, preferred first */
    public List<String> availableBackends() {
        synchronized (devices) {
            return devices.names();
        }
    }

    /** @return the pinned backend's name, if any */
    public Optional<String> pinnedBackend() {
        synchronized (devices) {
            return devices.pinned();
        }
    }

    private Backend preferred() {
        synchronized (devices) {
            return devices.preferred();
        }
    }

    /** @param wait how long a step waits for a backend when none is available before failing */
    public void setBackendWait(Duration wait) {
        this.backendWait = wait;
    }

    // caller holds the devices' monitor
    private void requestSwitch() {
        BufferPool p = pool;
        switchPending = p == null ? devices.preferred() != null : devices.preferred() != p.backend();
    }

    // caller holds the write lock; no step is running
    private void moveTo(Backend target) {
        BufferPool old = pool;
        switchPending = false;
        if (old == null ? target == null : old.backend() == target) {
            return;
        }
        long start = System.nanoTime();
        for (Storage s : persistent) {
            s.moveTo(target);
        }
        if (old != null) {
            old.clear();
        }
        pool = target == null ? null : new BufferPool(target);
        String from = old == null ? "the host" : old.backend().name();
        if (target == null && !persistent.isEmpty()) {
            LOG.log(Level.WARNING, "backend {0} stopped and no other is available: {1} tensors are kept on the host "
                    + "and computation pauses until a backend starts (at most {2} s)", from, persistent.size(),
                    backendWait.toSeconds());
        } else if (target != null && !persistent.isEmpty()) {
            LOG.log(Level.DEBUG, "moved {0} tensors from {1} to backend {2} in {3} ms", persistent.size(), from,
                    target.name(), (System.nanoTime() - start) / 1_000_000);
        }
    }

    /**
     * Runs a task on a thread the current backend lends, or on the calling thread when there is no backend.
     * Scopes opened by the task never move to another backend or wait for one: the caller may be waiting for the
     * task inside a step, holding the lock a move needs.
     *
     * @param task the work
     * @param <T> its result's type
     * @return its outcome
     */
    public <T> Future<T> aside(Callable<T> task) {
        BufferPool p = pool;
        Callable<T> marked = () -> {
            asideDepth.get()[0]++;
            try {
                return task.call();
            } finally {
                asideDepth.get()[0]--;
            }
        };
        if (p == null) {
            FutureTask<T> here = new FutureTask<>(marked);
            here.run();
            return here;
        }
        return p.backend().aside(marked);
    }

    /** Takes the read lock for work on the current backend, first moving or waiting for a backend if needed. */
    private void acquire() {
        if (lock.getReadHoldCount() > 0) {
            lock.readLock().lock();
            return;
        }
        if (asideDepth.get()[0] > 0) {
            acquireAside();
            return;
        }
        if (switchPending || pool == null) {
            lock.writeLock().lock();
            try {
                if (switchPending) {
                    moveTo(preferred());
                }
                awaitBackend();
                lock.readLock().lock();
            } finally {
                lock.writeLock().unlock();
            }
        } else {
            lock.readLock().lock();
        }
    }

    /**
     * The read lock for a task run aside: taken even while a move waits for the lock (the caller that waits for the
     * task may hold a read lock, so the move could not start before the task ends anyway), and only waited for
     * while a move actually runs.
     */
    private void acquireAside() {
        long deadline = System.nanoTime() + backendWait.toNanos();
        while (true) {
            if (lock.readLock().tryLock()) { // barges past a waiting writer, unlike lock()
                if (pool != null) {
                    return;
                }
                lock.readLock().unlock();
            }
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("no backend became available within " + backendWait.toSeconds()
                        + " s for a task run aside");
            }
            LockSupport.parkNanos(ASIDE_RETRY_NANOS);
        }
    }

    // caller holds the write lock
    private void awaitBackend() {
        long remaining = backendWait.toNanos();
        while (pool == null) {
            if (remaining <= 0) {
                throw new IllegalStateException("no backend became available within " + backendWait.toSeconds()
                        + " s; giving up (parameters and optimizer state are intact on the host)");
            }
            try {
                remaining = backendArrived.awaitNanos(remaining);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for a backend", e);
            }
        }
    }

    private void releaseLock() {
        lock.readLock().unlock();
    }

    // ---- scopes

    /** @return a new scope nested in the calling thread's innermost one; an outermost one is a step */
    public EngineScope openScope() {
        ArrayDeque<EngineScope> stack = scopes.get();
        if (stack.isEmpty()) {
            acquire();
        }
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

    void closed(EngineScope scope) {
        if (scope.parent() == null) {
            releaseLock();
        }
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
    public NoGrad noGrad() {
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
        acquire();
        try {
            Backend b = pool.backend();
            Storage s = new Storage(b, b.allocate(length), length, true);
            persistent.add(s);
            return s;
        } finally {
            releaseLock();
        }
    }

    /** @param storage a persistent storage to free now */
    public void release(Storage storage) {
        if (!storage.persistent()) {
            throw new IllegalArgumentException("only persistent storages are released explicitly");
        }
        acquire();
        try {
            if (!storage.released() && persistent.remove(storage)) {
                Backend owner = storage.backend();
                Buffer buffer = storage.take("it was released");
                if (buffer != null) {
                    owner.free(buffer);
                }
            }
        } finally {
            releaseLock();
        }
    }

    /** @param storage a storage @return a copy of its values */
    public float[] read(Storage storage) {
        acquire();
        try {
            Buffer buffer = storage.buffer(storage);
            float[] v = new float[storage.length()];
            storage.backend().download(buffer, 0, v, 0, v.length);
            return v;
        } finally {
            releaseLock();
        }
    }

    /** @param storage a storage @param values exactly its length of values to copy in */
    public void write(Storage storage, float[] values) {
        if (values.length != storage.length()) {
            throw new IllegalArgumentException("expected " + storage.length() + " values, got " + values.length);
        }
        acquire();
        try {
            Buffer buffer = storage.buffer(storage);
            storage.backend().upload(values, 0, buffer, 0, values.length);
        } finally {
            releaseLock();
        }
    }

    /**
     * Runs work on persistent storages outside any step (an optimizer update, for instance) so that it cannot
     * overlap a backend move.
     *
     * @param work the work
     */
    public void withBackend(Runnable work) {
        acquire();
        try {
            work.run();
        } finally {
            releaseLock();
        }
    }

    void recycle(Storage storage, String why) {
        Backend owner = storage.backend();
        BufferPool p = pool;
        if (p != null && owner == p.backend()) {
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
        BufferPool p = pool;
        return new MemoryStats(liveScoped.get(), persistent.size(), p == null ? 0 : p.pooledElements());
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
