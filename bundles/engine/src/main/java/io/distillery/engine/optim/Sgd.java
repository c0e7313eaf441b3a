package io.distillery.engine.optim;

import java.util.Map;

import io.distillery.api.nn.OptimizerSpec;
import io.distillery.api.tensor.Parameter;
import io.distillery.engine.core.EngineParameter;
import io.distillery.engine.core.Storage;

/** Stochastic gradient descent with optional momentum (PyTorch's formulation), Nesterov and L2 weight decay. */
final class Sgd extends SlotOptimizer {
    private final OptimizerSpec spec;

    Sgd(OptimizerSpec spec, Map<String, Parameter> params) {
        super(spec.momentum() > 0 ? new StateSlots(params, "momentum") : new StateSlots(params), spec.learningRate());
        this.spec = spec;
    }

    @Override
    void update(EngineParameter p, Storage grad, Storage[] slots, float lr, long step) {
        p.backend().sgdUpdate(p.buffer(), grad.buffer(p), slots.length > 0 ? slots[0].buffer(p) : null, p.size(), lr,
                (float) spec.momentum(), (float) spec.weightDecay(), spec.nesterov());
    }
}
