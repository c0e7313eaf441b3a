package io.distillery.bench;

/**
 * A measurement window in progress: started with the clocks' readings, it tells at its end how long it lasted
 * and how many cores this process and all other processes kept busy meanwhile.
 *
 * <p>Other processes' share is the machine's busy time minus this process's, never below zero (the two
 * counters tick at different granularities).
 */
final class CpuMeter {
    private final Clocks clocks;
    private final double wall;
    private final double busy;
    private final double own;

    private CpuMeter(Clocks clocks) {
        this.clocks = clocks;
        this.wall = clocks.wallSeconds();
        this.busy = clocks.machineBusySeconds();
        this.own = clocks.processCpuSeconds();
    }

    /**
     * @param clocks the clocks to read
     * @return a window starting now
     */
    static CpuMeter start(Clocks clocks) {
        return new CpuMeter(clocks);
    }

    /** @return the window from its start until now */
    Usage stop() {
        double seconds = clocks.wallSeconds() - wall;
        double ownCores = (clocks.processCpuSeconds() - own) / seconds;
        double allCores = (clocks.machineBusySeconds() - busy) / seconds;
        return new Usage(seconds, ownCores, Math.max(0, allCores - ownCores));
    }

    /**
     * The CPU used during a window.
     *
     * @param seconds the window's wall time
     * @param ownCores cores this process kept busy, on average
     * @param foreignCores cores all other processes kept busy, on average
     */
    record Usage(double seconds, double ownCores, double foreignCores) {
    }
}
