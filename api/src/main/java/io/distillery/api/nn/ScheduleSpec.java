package io.distillery.api.nn;

import java.util.List;

/**
 * A learning-rate schedule, as a factor of the base rate over training progress measured in epochs
 * (fractional within an epoch).
 *
 * <ul>
 * <li>{@code constant}: 1.</li>
 * <li>{@code step}: {@code gamma^floor(epoch / stepSize)}.</li>
 * <li>{@code multi-step}: {@code gamma^(number of milestones <= epoch)}.</li>
 * <li>{@code exponential}: {@code gamma^floor(epoch)}.</li>
 * <li>{@code cosine}: from 1 down to {@code minFactor} over the run's epochs, half a cosine wave.</li>
 * </ul>
 * Any of them may start with {@code warmupEpochs} of linear warm-up from 0, after which the schedule runs
 * as if starting at epoch 0.
 *
 * @param name the schedule's name, as above
 * @param stepSize epochs per decay of {@code step}
 * @param gamma the decay factor
 * @param milestones the epochs at which {@code multi-step} decays, ascending
 * @param minFactor the final factor of {@code cosine}
 * @param warmupEpochs the length of the linear warm-up; 0 for none
 */
public record ScheduleSpec(String name, int stepSize, double gamma, List<Integer> milestones,
        double minFactor, double warmupEpochs) {

    /** @throws IllegalArgumentException naming the first value out of range */
    public ScheduleSpec {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("schedule name is missing");
        }
        milestones = List.copyOf(milestones);
        if (stepSize < 1) {
            throw new IllegalArgumentException("schedule step size must be at least 1, got " + stepSize);
        }
        if (!(gamma > 0) || gamma > 1) {
            throw new IllegalArgumentException("schedule gamma must be in (0, 1], got " + gamma);
        }
        if (minFactor < 0 || minFactor > 1) {
            throw new IllegalArgumentException("schedule minimum factor must be in [0, 1], got " + minFactor);
        }
        if (warmupEpochs < 0) {
            throw new IllegalArgumentException("warm-up epochs must not be negative, got " + warmupEpochs);
        }
        for (int i = 1; i < milestones.size(); i++) {
            if (milestones.get(i) <= milestones.get(i - 1)) {
                throw new IllegalArgumentException("schedule milestones must ascend: " + milestones);
            }
        }
    }

    /** @return a constant schedule without warm-up */
    public static ScheduleSpec constant() {
        return new ScheduleSpec("constant", 1, 1, List.of(), 0, 0);
    }

    /** @param stepSize epochs per decay @param gamma the factor @return a step schedule */
    public static ScheduleSpec step(int stepSize, double gamma) {
        return new ScheduleSpec("step", stepSize, gamma, List.of(), 0, 0);
    }

    /** @param milestones epochs at which to decay @param gamma the factor @return a multi-step schedule */
    public static ScheduleSpec multiStep(List<Integer> milestones, double gamma) {
        return new ScheduleSpec("multi-step", 1, gamma, milestones, 0, 0);
    }

    /** @param gamma the per-epoch factor @return an exponential schedule */
    public static ScheduleSpec exponential(double gamma) {
        return new ScheduleSpec("exponential", 1, gamma, List.of(), 0, 0);
    }

    /** @param minFactor the final factor @return a cosine schedule */
    public static ScheduleSpec cosine(double minFactor) {
        return new ScheduleSpec("cosine", 1, 1, List.of(), minFactor, 0);
    }

    /** @param epochs the warm-up length @return this schedule after a linear warm-up */
    public ScheduleSpec withWarmup(double epochs) {
        return new ScheduleSpec(name, stepSize, gamma, milestones, minFactor, epochs);
    }
}
