package io.distillery.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which axes charts get, where they put values and how they label them. */
class ScaleTest {

    @Test
    void accuraciesGetRoundPercentTicks() {
        Scale scale = Scale.of(0.951, 0.987, true);
        assertEquals(List.of("95", "96", "97", "98", "99"), labels(scale));
        assertEquals(0.5, scale.position(0.97), 1e-9);
    }

    @Test
    void finerStepsGetDecimals() {
        assertEquals(List.of("0.40", "0.45", "0.50", "0.55", "0.60"), labels(Scale.of(0.41, 0.58, false)));
    }

    @Test
    void aFlatSeriesStillGetsARange() {
        LinearScale scale = LinearScale.covering(2, 2, 1);
        assertEquals(List.of("1.90", "1.95", "2.00", "2.05", "2.10"), labels(scale));
        assertEquals(List.of("-1.0", "-0.5", "0.0", "0.5", "1.0"), labels(LinearScale.covering(0, 0, 1)));
    }

    @Test
    void theEpochAxisStartsAtZeroAndCountsInWholeSteps() {
        assertEquals(List.of("0", "5", "10", "15", "20"), labels(LinearScale.counting(20)));
        assertEquals(List.of("0", "1"), labels(LinearScale.counting(1)));
        assertEquals(List.of("0", "1", "2", "3"), labels(LinearScale.counting(3)));
        assertEquals(List.of("0", "20", "40", "60", "80", "100", "120"), labels(LinearScale.counting(110)));
    }

    @Test
    void positiveValuesSpanningTwoDecadesGetALogAxis() {
        Scale scale = Scale.of(0.02, 300, false);
        assertInstanceOf(LogScale.class, scale);
        assertEquals(List.of("0.01", "0.1", "1", "10", "100", "1000"), labels(scale));
        assertEquals(0.4, scale.position(1), 1e-9);
    }

    @Test
    void aLogAxisOfTwoDecadesIsTickedFiner() {
        assertEquals(List.of("0.1", "0.2", "0.5", "1", "2", "5", "10"), labels(Scale.of(0.1, 10, false)));
        assertEquals(List.of("1e-06", "1e-05", "1e-04", "0.001", "0.01"), labels(Scale.of(2e-6, 0.005, false)));
    }

    @Test
    void narrowerRangesNegativeValuesAndPercentagesStayLinear() {
        assertInstanceOf(LinearScale.class, Scale.of(0.05, 4.9, false));
        assertInstanceOf(LinearScale.class, Scale.of(-1, 300, false));
        assertInstanceOf(LinearScale.class, Scale.of(0.001, 0.99, true));
    }

    private static List<String> labels(Scale scale) {
        return scale.ticks().stream().map(scale::label).toList();
    }
}
