package io.distillery.bench;

import java.util.stream.DoubleStream;

/**
 * Times repetitions of some work the way the reference script does. Training: a warm-up of at least
 * {@value #MIN_WARMUP_STEPS} steps and the warm-up time, then whole steps until there are at least
 * {@value #MIN_TIMED_STEPS} and their times add up to the window. Matrix products: {@value #MIN_WARMUP_STEPS}
 * untimed runs, then a fixed number of timed ones. The CPU meter covers the timed part only.
 */
final class StepWindow {
    static final int MIN_WARMUP_STEPS = 3;
    static final int MIN_TIMED_STEPS = 5;

    private final Clocks clocks;

    /** @param clocks the clocks to time with */
    StepWindow(Clocks clocks) {
        this.clocks = clocks;
    }

    /**
     * @param step one training step
     * @param flops the counted FLOPs of one step
     * @param warmupSeconds the least warm-up time
     * @param windowSeconds the least summed time of the timed steps
     * @return the timed steps
     */
    Timing timed(Runnable step, double flops, double warmupSeconds, double windowSeconds) {
        double start = clocks.wallSeconds();
        for (int warm = 0; warm < MIN_WARMUP_STEPS || clocks.wallSeconds() - start < warmupSeconds; warm++) {
            step.run();
        }
        DoubleStream.Builder times = DoubleStream.builder();
        int n = 0;
        double sum = 0;
        CpuMeter meter = CpuMeter.start(clocks);
        while (n < MIN_TIMED_STEPS || sum < windowSeconds) {
            double t = time(step);
            times.add(t);
            sum += t;
            n++;
        }
        return new Timing(flops, times.build().toArray(), meter.stop());
    }

    /**
     * @param work the work to time
     * @param flops the counted FLOPs of one run
     * @param repetitions the number of timed runs
     * @return the timed runs
     */
    Timing repeated(Runnable work, double flops, int repetitions) {
        for (int warm = 0; warm < MIN_WARMUP_STEPS; warm++) {
            work.run();
        }
        double[] times = new double[repetitions];
        CpuMeter meter = CpuMeter.start(clocks);
        for (int i = 0; i < repetitions; i++) {
            times[i] = time(work);
        }
        return new Timing(flops, times, meter.stop());
    }

    private double time(Runnable work) {
        double t = clocks.wallSeconds();
        work.run();
        return clocks.wallSeconds() - t;
    }
}
