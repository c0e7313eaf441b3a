package io.distillery.engine.optim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.distillery.api.tensor.Parameter;
import io.distillery.api.tensor.Shape;
import io.distillery.api.tensor.TensorData;
import io.distillery.engine.core.Engine;
import io.distillery.engine.core.EngineParameter;
import io.distillery.engine.core.EngineTensor;
import io.distillery.engine.core.Storage;

/**
 * The persistent per-parameter buffers of an optimizer (momentum, moments) and the step counter, with their
 * state dictionary: entries {@code <parameter>.<slot>} plus {@code step}.
 */
final class StateSlots implements AutoCloseable {
    private final Engine engine;
    private final List<String> names = new ArrayList<>();
    private final List<EngineParameter> parameters = new ArrayList<>();
    private final List<Storage[]> slots = new ArrayList<>();
    private final String[] slotNames;
    private long steps;
    private boolean closed;

    StateSlots(Map<String, Parameter> params, String... slotNames) {
        if (params.isEmpty()) {
            throw new IllegalArgumentException("an optimizer needs at least one parameter");
        }
        this.slotNames = slotNames;
        Engine e = null;
        for (Map.Entry<String, Parameter> entry : params.entrySet()) {
            EngineParameter p = (EngineParameter) EngineTensor.of(entry.getValue());
            e = p.engine();
            names.add(entry.getKey());
            parameters.add(p);
            Storage[] s = new Storage[slotNames.length];
            for (int i = 0; i < s.length; i++) {
                s[i] = e.allocatePersistent(p.size());
            }
            slots.add(s);
        }
        this.engine = e;
    }

    Engine engine() {
        return engine;
    }

    int size() {
        return parameters.size();
    }

    EngineParameter parameter(int i) {
        checkOpen();
        return parameters.get(i);
    }

    Storage[] slots(int i) {
        return slots.get(i);
    }

    private Storage slot(int i, int slot) {
        return slots.get(i)[slot];
    }

    long steps() {
        return steps;
    }

    long advance() {
        return ++steps;
    }

    Map<String, TensorData> stateDict() {
        checkOpen();
        Map<String, TensorData> out = new LinkedHashMap<>();
        for (int i = 0; i < parameters.size(); i++) {
            for (int s = 0; s < slotNames.length; s++) {
                out.put(names.get(i) + "." + slotNames[s], new TensorData(parameters.get(i).shape(), engine.read(slot(i, s))));
            }
        }
        out.put("step", new TensorData(Shape.scalar(), new float[] {steps}));
        return out;
    }

    void loadStateDict(Map<String, TensorData> state) {
        checkOpen();
        TensorData step = state.get("step");
        if (step == null || step.shape().size() != 1) {
            throw new IllegalArgumentException("optimizer state has no 'step' entry");
        }
        for (int i = 0; i < parameters.size(); i++) {
            for (int s = 0; s < slotNames.length; s++) {
                String key = names.get(i) + "." + slotNames[s];
                TensorData d = state.get(key);
                if (d == null) {
                    throw new IllegalArgumentException("optimizer state has no entry '" + key + "'");
                }
                if (!d.shape().equals(parameters.get(i).shape())) {
                    throw new IllegalArgumentException("optimizer state entry '" + key + "' has shape " + d.shape()
                            + " but the parameter has " + parameters.get(i).shape());
                }
            }
        }
        for (int i = 0; i < parameters.size(); i++) {
            for (int s = 0; s < slotNames.length; s++) {
                engine.write(slot(i, s), state.get(names.get(i) + "." + slotNames[s]).values());
            }
        }
        steps = (long) step.values()[0];
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("the optimizer was closed");
        }
    }

    void zeroGrad() {
        for (EngineParameter p : parameters) {
            p.zeroGrad();
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            for (Storage[] s : slots) {
                for (Storage storage : s) {
                    engine.release(storage);
                }
            }
        }
    }
}
