package io.distillery.strategy.at;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;

import io.distillery.api.run.Metrics;
import io.distillery.strategy.composite.Composite;
import io.distillery.strategy.kd.SoftTargetTerm;
import io.distillery.testkit.LocalDistillery;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Attention transfer helps a thin, deep student, as Zagoruyko and Komodakis report for thin residual networks: on
 * the test kit's small convnet task ({@link LocalDistillery#smallConvMnist}: 1,000 MNIST examples, 6 epochs), the
 * student matching the teacher's attention after both poolings makes fewer test errors than the same student trained
 * on the labels alone from the same initial weights. Measured on 2 cores: teacher 636, baseline 1,916, attention
 * transfer (beta 300) 1,161 errors of 10,000; attention transfer with soft targets through {@code composite}
 * (0.1 ce + 0.9 kd at T = 4 + 150 at) 1,532. About 20 seconds a run.
 */
class AttentionTransferTest {
    static final String PAIRS = "[{student: pool1, teacher: pool1}, {student: pool2, teacher: pool2}]";

    @TempDir
    Path tmp;

    private LocalDistillery distillery() {
        return new LocalDistillery(tmp).strategy("at", new AttentionTransfer()).strategy("composite", new Composite())
                .lossTerm("at", new AttentionTerm()).lossTerm("kd", new SoftTargetTerm());
    }

    private static void assertBeatsBaseline(String what, Map<String, Metrics> s, double margin) {
        double baseline = s.get("baseline").get("test_errors");
        double student = s.get("student").get("test_errors");
        System.out.printf("%s on 1000 MNIST examples: teacher %.0f, baseline %.0f, distilled %.0f errors of 10000%n", what,
                s.get("teacher").get("test_errors"), baseline, student);
        assertTrue(student < baseline - margin, what + ": distilled " + student + " vs baseline " + baseline + " errors");
    }

    @Test
    void matchingTheTeachersAttentionBeatsTheLabelsAlone() {
        assertBeatsBaseline("at", distillery().run(LocalDistillery.smallConvMnist("{name: at, beta: 300, pairs: " + PAIRS + "}"))
                .summary(), 300);
    }

    @Test
    void compositeCombinesAttentionWithSoftTargets() {
        assertBeatsBaseline("composite ce + kd + at", distillery().run(LocalDistillery.smallConvMnist(
                "{name: composite, terms: [{name: ce, weight: 0.1}, {name: kd, weight: 0.9, temperature: 4}, "
                        + "{name: at, weight: 150, pairs: " + PAIRS + "}]}")).summary(), 150);
    }
}
