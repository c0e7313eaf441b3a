package io.distillery.bench;

/**
 * The time sources a measurement reads: wall time, the CPU time of the whole machine and of this process, and a
 * pause. Behind an interface so that tests can drive time instead of waiting for it.
 */
interface Clocks {

    /** @return seconds on a monotonic wall clock with an arbitrary origin */
    double wallSeconds();

    /** @return CPU seconds all cores together have spent busy since boot, by every process */
    double machineBusySeconds();

    /** @return CPU seconds this process has used, all its threads together */
    double processCpuSeconds();

    /**
     * Sleeps.
     *
     * @param seconds how long
     */
    void pause(double seconds);
}
