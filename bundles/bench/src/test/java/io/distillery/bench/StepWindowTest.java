package io.distillery.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

/** The window's rules, on clocks the test drives: steps of a quarter second each. */
class StepWindowTest {
    private final FakeClocks clocks = new FakeClocks(0).load(2, 0.5);
    private int runs;

    private void step() {
        runs++;
        clocks.advance(0.25);
    }

    @Test
    void warmsUpForTheWarmUpTimeThenFillsTheWindowWithWholeSteps() {
        Timing t = new StepWindow(clocks).timed(this::step, 7, 1.0, 2.0);
        assertEquals(8, t.count(), "2 s of quarter-second steps");
        assertEquals(4 + 8, runs, "1 s of warm-up first");
        assertEquals(7, t.flops());
        assertEquals(new CpuMeter.Usage(2, 2, 0.5), t.usage(), "the meter covers the timed steps only");
    }

    @Test
    void warmsUpAtLeastThreeStepsAndTimesAtLeastFive() {
        Timing t = new StepWindow(clocks).timed(this::step, 1, 0, 0.5);
        assertEquals(StepWindow.MIN_TIMED_STEPS, t.count());
        assertEquals(StepWindow.MIN_WARMUP_STEPS + StepWindow.MIN_TIMED_STEPS, runs);
        double[] quarters = new double[5];
        Arrays.fill(quarters, 0.25);
        assertArrayEquals(quarters, t.seconds());
    }

    @Test
    void repeatedWorkWarmsUpThreeTimesThenTimesEachRepetition() {
        Timing t = new StepWindow(clocks).repeated(this::step, 16, 10);
        assertEquals(10, t.count());
        assertEquals(13, runs);
        assertEquals(0.25, t.median());
        assertEquals(16, t.flops());
    }
}
