package io.distillery.engine.optim;

import java.util.Collection;
import java.util.Map;

import io.distillery.api.backend.UnaryOp;
import io.distillery.api.nn.LearningRateSchedule;
import io.distillery.api.nn.Optimizer;
import io.distillery.api.nn.OptimizerSpec;
import io.distillery.api.nn.Optimizers;
import io.distillery.api.nn.ScheduleSpec;
import io.distillery.api.tensor.Parameter;
import io.distillery.api.tensor.Scope;
import io.distillery.engine.core.EngineParameter;
import io.distillery.engine.core.EngineTensor;
import io.distillery.engine.core.Storage;

import org.osgi.service.component.annotations.Component;

/** The {@link Optimizers} service: SGD, Adam and AdamW, the schedules, and gradient clipping. */
@Component(service = Optimizers.class)
public final class StandardOptimizers implements Optimizers {

    @Override
    public Optimizer create(OptimizerSpec spec, Map<String, Parameter> parameters) {
        return switch (spec.name()) {
            case "sgd" -> new Sgd(spec, parameters);
            case "adam" -> new Adam(spec, parameters, false);
            case "adamw" -> new Adam(spec, parameters, true);
            default -> throw new IllegalArgumentException("unknown optimizer '" + spec.name() + "'; known: sgd, adam, adamw");
        };
    }

    @Override
    public LearningRateSchedule schedule(ScheduleSpec spec, double baseLearningRate, int epochs) {
        return Schedules.of(spec, baseLearningRate, epochs);
    }

    @Override
    public double clipGradNorm(Collection<Parameter> parameters, double maxNorm) {
        if (!(maxNorm > 0)) {
            throw new IllegalArgumentException("maximum gradient norm must be positive, got " + maxNorm);
        }
        double sumSquares = 0;
        for (Parameter p : parameters) {
            EngineParameter ep = (EngineParameter) EngineTensor.of(p);
            EngineTensor g = ep.gradTensor();
            if (g != null) {
                try (Scope s = ep.engine().openScope()) {
                    sumSquares += g.mul(g).sum().item();
                }
            }
        }
        double norm = Math.sqrt(sumSquares);
        if (norm > maxNorm) {
            float scale = (float) (maxNorm / (norm + 1e-6));
            for (Parameter p : parameters) {
                EngineParameter ep = (EngineParameter) EngineTensor.of(p);
                Storage g = ep.gradStorage();
                if (g != null) {
                    ep.engine().withBackend(() -> g.backend().unary(UnaryOp.AFFINE, scale, 0f, g.buffer(ep), g.buffer(ep), g.length()));
                }
            }
        }
        return norm;
    }
}
