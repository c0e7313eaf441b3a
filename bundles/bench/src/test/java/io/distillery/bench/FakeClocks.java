package io.distillery.bench;

/**
 * Clocks that a test drives: wall time moves when the test advances it, and by a fixed tick at every reading
 * (standing for the work done between two readings); CPU time accrues at set rates as wall time moves.
 */
final class FakeClocks implements Clocks {
    private final double tick;
    private double now;
    private double machineBusy;
    private double processCpu;
    private double ownCores;
    private double foreignCores;

    /** @param tick wall seconds that pass at every {@link #wallSeconds()} reading */
    FakeClocks(double tick) {
        this.tick = tick;
    }

    /**
     * @param own cores this process keeps busy from now on
     * @param foreign cores other processes keep busy from now on
     * @return these clocks
     */
    FakeClocks load(double own, double foreign) {
        this.ownCores = own;
        this.foreignCores = foreign;
        return this;
    }

    /** @param seconds wall time to pass */
    void advance(double seconds) {
        now += seconds;
        processCpu += ownCores * seconds;
        machineBusy += (ownCores + foreignCores) * seconds;
    }

    /** @return the wall time now, without a tick */
    double now() {
        return now;
    }

    @Override
    public double wallSeconds() {
        double reading = now;
        advance(tick);
        return reading;
    }

    @Override
    public double machineBusySeconds() {
        return machineBusy;
    }

    @Override
    public double processCpuSeconds() {
        return processCpu;
    }

    @Override
    public void pause(double seconds) {
        advance(seconds);
    }
}
