package io.distillery.runner.train;

import io.distillery.api.distill.Tap;
import io.distillery.api.nn.Module;
import io.distillery.api.tensor.Tensor;

/**
 * A tap on one module: a forward hook that keeps the module's latest output, which is valid for the step in which
 * it was computed.
 */
final class PhaseTap implements Tap {
    private final String path;
    private final String model;
    private final PhaseContext phase;
    private final AutoCloseable hook;
    private final Runnable onClose;
    private Tensor output;
    private long step = -1;
    private boolean closed;

    PhaseTap(String model, String path, Module module, PhaseContext phase, Runnable onClose) {
        this.model = model;
        this.path = path;
        this.phase = phase;
        this.onClose = onClose;
        this.hook = module.addForwardHook((m, in, out) -> {
            output = out;
            step = phase.step();
        });
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public Tensor output() {
        if (closed) {
            throw new IllegalStateException("the tap on " + model + " module '" + path + "' is closed");
        }
        if (output == null || step != phase.step()) {
            throw new IllegalStateException(model + " module '" + path + "' has not run in this step; compute the "
                    + model + "'s output first (studentLogits or teacherLogits)");
        }
        return output;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            output = null;
            try {
                hook.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            onClose.run();
        }
    }
}
