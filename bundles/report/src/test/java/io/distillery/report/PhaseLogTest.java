package io.distillery.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How epochs are grouped by phase and laid out along the epoch axis. */
class PhaseLogTest {

    @Test
    void phasesKeepTheOrderTheyStartedInAndEpochsAreSorted() {
        List<PhaseLog> phases = PhaseLog.group(List.of(line("teacher", 0, 1, 0.5), line("student", 0, 0, 1),
                line("teacher", 0, 0, 0.9)));
        assertEquals(List.of("teacher", "student"), phases.stream().map(PhaseLog::name).toList());
        assertEquals(List.of(0, 1), phases.get(0).lines().stream().map(EpochLine::epoch).toList());
    }

    @Test
    void anEpochLoggedTwiceCountsOnceWithItsLaterLine() {
        PhaseLog phase = PhaseLog.group(List.of(line("s", 0, 0, 0.9), line("s", 0, 0, 0.7))).get(0);
        assertEquals(1, phase.lines().size());
        assertEquals(0.7, phase.lines().get(0).metrics().get("loss"));
    }

    @Test
    void stagesFollowEachOtherAtTheirPlannedLength() {
        PhaseLog phase = PhaseLog.group(List.of(line("s", 0, 0, 5, 1), line("s", 0, 1, 5, 2), line("s", 1, 0, 10, 3),
                line("s", 1, 1, 10, 4))).get(0);
        assertEquals(15, phase.plannedEpochs());
        assertEquals(List.of(1, 2, 6, 7), phase.lines().stream().map(phase::position).toList());
        assertEquals(Map.of(1, 5), phase.stageStarts());
        assertEquals(List.of(List.of(new Series.Point(1, 1), new Series.Point(2, 2)),
                List.of(new Series.Point(6, 3), new Series.Point(7, 4))), phase.series("loss", "loss").segments());
    }

    @Test
    void withoutPlannedEpochsAStageIsAsLongAsItsLastEpoch() {
        PhaseLog phase = PhaseLog.group(List.of(line("s", 0, 2, 0.5), line("s", 1, 0, 0.5))).get(0);
        assertEquals(4, phase.plannedEpochs());
        assertEquals(Map.of(1, 3), phase.stageStarts());
    }

    @Test
    void aMissingEpochOrValueBreaksTheLine() {
        EpochLine withoutLoss = new EpochLine("s", 0, 1, 6, "", Map.of("ce", 1.0));
        PhaseLog phase = PhaseLog.group(List.of(line("s", 0, 0, 6, 1), withoutLoss, line("s", 0, 2, 6, 3),
                line("s", 0, 3, 6, 4), line("s", 0, 5, 6, 6))).get(0);
        assertEquals(List.of(1, 2, 1), phase.series("loss", "loss").segments().stream().map(List::size).toList());
        assertEquals(List.of("metrics.jsonl has no line for s stage 0 epoch 4 (counting from 0); the plots leave a gap"
                + " there."), phase.gaps());
    }

    @Test
    void valuesAreTheFiniteOnes() {
        PhaseLog phase = PhaseLog.group(List.of(line("s", 0, 0, 2), line("s", 0, 1, Double.NaN))).get(0);
        assertEquals(List.of(2.0), phase.values("loss").boxed().toList());
        assertEquals(List.of(), phase.gaps());
    }

    private static EpochLine line(String phase, int stage, int epoch, double loss) {
        return new EpochLine(phase, stage, epoch, 0, "", Map.of("loss", loss));
    }

    private static EpochLine line(String phase, int stage, int epoch, int epochs, double loss) {
        return new EpochLine(phase, stage, epoch, epochs, "", Map.of("loss", loss));
    }
}
