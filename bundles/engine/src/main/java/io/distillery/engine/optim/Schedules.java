package io.distillery.engine.optim;

import io.distillery.api.nn.LearningRateSchedule;
import io.distillery.api.nn.ScheduleSpec;

/** Turns a {@link ScheduleSpec} into a {@link LearningRateSchedule}. */
final class Schedules {
    static final String KNOWN = "constant, step, multi-step, exponential, cosine";

    private Schedules() {
    }

    static LearningRateSchedule of(ScheduleSpec spec, double base, int epochs) {
        if (!(base > 0)) {
            throw new IllegalArgumentException("base learning rate must be positive, got " + base);
        }
        if (epochs < 1) {
            throw new IllegalArgumentException("a schedule needs at least one epoch, got " + epochs);
        }
        double warmup = spec.warmupEpochs();
        double span = Math.max(epochs - warmup, 1e-9);
        Factor f = switch (spec.name()) {
            case "constant" -> e -> 1;
            case "step" -> e -> Math.pow(spec.gamma(), Math.floor(e / spec.stepSize()));
            case "multi-step" -> e -> Math.pow(spec.gamma(), spec.milestones().stream().filter(m -> m <= e).count());
            case "exponential" -> e -> Math.pow(spec.gamma(), Math.floor(e));
            case "cosine" -> e -> spec.minFactor() + (1 - spec.minFactor()) * 0.5 * (1 + Math.cos(Math.PI * Math.min(e, span) / span));
            default -> throw new IllegalArgumentException("unknown schedule '" + spec.name() + "'; known: " + KNOWN);
        };
        return epoch -> base * (epoch < warmup ? epoch / warmup : f.at(epoch - warmup));
    }

    @FunctionalInterface
    private interface Factor {
        double at(double epoch);
    }
}
