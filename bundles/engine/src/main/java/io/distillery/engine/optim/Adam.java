package io.distillery.engine.optim;

import java.util.Map;

import io.distillery.api.nn.OptimizerSpec;
import io.distillery.api.tensor.Parameter;
import io.distillery.engine.core.EngineParameter;
import io.distillery.engine.core.Storage;

/** Adam (Kingma and Ba 2015) with L2 weight decay, or AdamW (Loshchilov and Hutter 2019) with decoupled decay. */
final class Adam extends SlotOptimizer {
    private final OptimizerSpec spec;
    private final boolean decoupled;

    Adam(OptimizerSpec spec, Map<String, Parameter> params, boolean decoupled) {
        super(new StateSlots(params, "exp_avg", "exp_avg_sq"), spec.learningRate());
        this.spec = spec;
        this.decoupled = decoupled;
    }

    @Override
    void update(EngineParameter p, Storage grad, Storage[] slots, float lr, long step) {
        p.backend().adamUpdate(p.buffer(), grad.buffer(p), slots[0].buffer(p), slots[1].buffer(p), p.size(), lr,
                (float) spec.beta1(), (float) spec.beta2(), (float) spec.epsilon(), (float) spec.weightDecay(), decoupled, step);
    }
}
