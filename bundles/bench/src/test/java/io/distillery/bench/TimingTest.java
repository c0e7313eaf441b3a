package io.distillery.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The statistics of a window, and the CPU meter that watches it. */
class TimingTest {
    private static final CpuMeter.Usage IDLE = new CpuMeter.Usage(1, 0, 0);

    @Test
    void medianIsTheMiddleOrTheMeanOfTheMiddleTwo() {
        assertEquals(3, new Timing(1, new double[] {5, 1, 3}, IDLE).median());
        assertEquals(2.5, new Timing(1, new double[] {4, 1, 3, 2}, IDLE).median());
    }

    @Test
    void totalCountAndBest() {
        Timing t = new Timing(1, new double[] {0.5, 0.25, 1}, IDLE);
        assertEquals(1.75, t.total());
        assertEquals(3, t.count());
        assertEquals(0.25, t.best());
    }

    @Test
    void anEmptyWindowIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new Timing(1, new double[0], IDLE));
    }

    @Test
    void theMeterSplitsBusyCoresIntoOwnAndForeign() {
        FakeClocks clocks = new FakeClocks(0).load(1, 0.5);
        CpuMeter meter = CpuMeter.start(clocks);
        clocks.advance(2);
        assertEquals(new CpuMeter.Usage(2, 1, 0.5), meter.stop());
    }

    @Test
    void foreignCoresAreNeverNegative() {
        // the process counter can run ahead of the machine's coarser one
        FakeClocks clocks = new FakeClocks(0);
        CpuMeter meter = CpuMeter.start(clocks);
        clocks.load(1, -0.25).advance(1);
        assertEquals(new CpuMeter.Usage(1, 1, 0), meter.stop());
    }
}
