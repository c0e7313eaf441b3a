package io.distillery.strategy.fsp;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;

import io.distillery.api.run.Metrics;
import io.distillery.testkit.LocalDistillery;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A student first taught the teacher's flow of solution procedure learns the task faster, as Yim et al. report: on
 * the test kit's small convnet task ({@link LocalDistillery#smallConvMnist}: 1,000 MNIST examples, 6 epochs), a deep
 * student whose {@code pool1 -> conv3} section matches the teacher's {@code pool1 -> conv2} (8 and 16 channels at
 * 14x14) makes fewer test errors after one FSP epoch and five task epochs than the same student trained on the
 * labels alone for six epochs from the same initial weights. Measured on 2 cores: teacher 636, baseline 989, FSP 922
 * errors of 10,000, in about 25 seconds.
 */
class FlowOfSolutionTest {
    /** A deep student with the teacher's channel counts where the FSP matrices are taken (3,414 parameters). */
    static final String STUDENT = "student.model.channels=[8, 4, 16, 8, 8]";
    static final String PAIRS = "[{student: [pool1, conv3], teacher: [pool1, conv2]}]";

    @TempDir
    Path tmp;

    @Test
    void theFspStageGivesTheStudentAHeadStart() {
        Map<String, Metrics> s = new LocalDistillery(tmp).strategy("fsp", new FlowOfSolution())
                .run(LocalDistillery.smallConvMnist("{name: fsp, fsp_epochs: 1, pairs: " + PAIRS + "}"), STUDENT).summary();
        double baseline = s.get("baseline").get("test_errors");
        double student = s.get("student").get("test_errors");
        System.out.printf("fsp on 1000 MNIST examples: teacher %.0f, baseline %.0f, distilled %.0f errors of 10000%n",
                s.get("teacher").get("test_errors"), baseline, student);
        assertTrue(student < baseline - 30, "distilled " + student + " vs baseline " + baseline + " errors");
    }
}
