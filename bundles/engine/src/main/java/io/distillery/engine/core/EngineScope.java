package io.distillery.engine.core;

import java.util.ArrayList;
import java.util.List;

import io.distillery.api.tensor.Scope;
import io.distillery.api.tensor.Tensor;

/** A scope of one thread: the storages made while it is the innermost open one, released together. */
final class EngineScope implements Scope {
    private final Engine engine;
    private final EngineScope parent;
    private final List<Storage> storages = new ArrayList<>();
    private boolean closed;

    EngineScope(Engine engine, EngineScope parent) {
        this.engine = engine;
        this.parent = parent;
    }

    EngineScope parent() {
        return parent;
    }

    void own(Storage storage) {
        if (closed) {
            throw new IllegalStateException("scope is closed");
        }
        storages.add(storage);
    }

    @Override
    public <T extends Tensor> T keep(T tensor) {
        if (closed) {
            throw new IllegalStateException("cannot keep a tensor: the scope is closed");
        }
        if (parent == null) {
            throw new IllegalStateException("cannot keep a tensor out of the outermost scope; make a parameter instead");
        }
        if (!(tensor instanceof EngineTensor t)) {
            throw new IllegalArgumentException("not a tensor of this engine: " + tensor);
        }
        Storage s = t.storage();
        if (!removeOwned(s)) {
            throw new IllegalStateException("tensor " + t.shape() + " does not belong to this scope");
        }
        parent.own(s);
        t.dropHistory();
        return tensor;
    }

    private boolean removeOwned(Storage s) {
        for (int i = storages.size() - 1; i >= 0; i--) {
            if (storages.get(i) == s) {
                storages.remove(i);
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        engine.closing(this);
        closed = true;
        try {
            for (Storage s : storages) {
                if (!s.released()) {
                    engine.recycle(s, "its scope closed");
                }
            }
            storages.clear();
        } finally {
            engine.closed(this);
        }
    }

    int ownedCount() {
        return storages.size();
    }
}
