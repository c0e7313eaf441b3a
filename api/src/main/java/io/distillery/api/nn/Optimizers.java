package io.distillery.api.nn;

import java.util.Collection;
import java.util.Map;

import io.distillery.api.tensor.Parameter;

import org.osgi.annotation.versioning.ProviderType;

/** Makes optimizers and schedules, and clips gradients. A service registered by the engine. */
@ProviderType
public interface Optimizers {

    /**
     * @param spec which optimizer and its settings
     * @param parameters the parameters to update, by name (names key the optimizer's state dictionary)
     * @return the optimizer
     * @throws IllegalArgumentException for an unknown optimizer name, listing the known ones
     */
    Optimizer create(OptimizerSpec spec, Map<String, Parameter> parameters);

    /**
     * @param spec the schedule
     * @param baseLearningRate the rate the schedule's factors multiply
     * @param epochs the run's length, which {@code cosine} spans
     * @return the schedule
     * @throws IllegalArgumentException for an unknown schedule name, listing the known ones
     */
    LearningRateSchedule schedule(ScheduleSpec spec, double baseLearningRate, int epochs);

    /**
     * Scales the gradients down so that their joint L2 norm is at most {@code maxNorm}.
     *
     * @param parameters the parameters whose gradients to clip
     * @param maxNorm the largest norm allowed
     * @return the norm before clipping
     */
    double clipGradNorm(Collection<Parameter> parameters, double maxNorm);
}
