package io.distillery.engine.optim;

import java.util.Map;

import io.distillery.api.nn.Optimizer;
import io.distillery.api.tensor.TensorData;
import io.distillery.engine.core.EngineParameter;
import io.distillery.engine.core.Storage;

/**
 * What every optimizer here shares: the learning rate, the per-parameter state slots and their dictionary,
 * and a step that visits each trainable parameter with a gradient once.
 */
abstract class SlotOptimizer implements Optimizer {
    private final StateSlots state;
    private double learningRate;

    SlotOptimizer(StateSlots state, double learningRate) {
        this.state = state;
        this.learningRate = learningRate;
    }

    /**
     * Updates one parameter in place with one fused backend kernel.
     *
     * @param p the parameter
     * @param grad its gradient
     * @param slots its state buffers
     * @param lr the learning rate
     * @param step the 1-based step number
     */
    abstract void update(EngineParameter p, Storage grad, Storage[] slots, float lr, long step);

    @Override
    public final void step() {
        long t = state.advance();
        state.engine().withBackend(() -> {
            for (int i = 0; i < state.size(); i++) {
                EngineParameter p = state.parameter(i);
                Storage g = p.gradStorage();
                if (g != null && p.trainable()) {
                    update(p, g, state.slots(i), (float) learningRate, t);
                }
            }
        });
    }

    @Override
    public final void zeroGrad() {
        state.zeroGrad();
    }

    @Override
    public final double learningRate() {
        return learningRate;
    }

    @Override
    public final void setLearningRate(double learningRate) {
        if (!(learningRate >= 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be finite and not negative, got " + learningRate);
        }
        this.learningRate = learningRate;
    }

    @Override
    public final long steps() {
        return state.steps();
    }

    @Override
    public final Map<String, TensorData> stateDict() {
        return state.stateDict();
    }

    @Override
    public final void loadStateDict(Map<String, TensorData> stateDict) {
        state.loadStateDict(stateDict);
    }

    @Override
    public final void close() {
        state.close();
    }
}
