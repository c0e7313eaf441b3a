package io.distillery.strategy.logitmimic;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;

import io.distillery.api.run.Metrics;
import io.distillery.testkit.LocalDistillery;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A shallow student that regresses a deeper teacher's logits learns more than from the labels, as Ba and Caruana
 * report: on 3,000 real MNIST examples, a one-hidden-layer 784-30-10 student mimicking a two-hidden-layer teacher
 * makes fewer test errors than the same student trained on the labels from the same initial weights (measured:
 * teacher 573, baseline 841, mimic 786).
 */
class LogitMimicTest {
    static final String CONFIG = LocalDistillery.smallMnist("{name: logit-mimic}");


    @TempDir
    Path tmp;

    @Test
    void theMimicMakesFewerErrorsThanTheBaseline() {
        Map<String, Metrics> s = new LocalDistillery(tmp).strategy("logit-mimic", new LogitMimic()).run(CONFIG).summary();
        double baseline = s.get("baseline").get("test_errors");
        double student = s.get("student").get("test_errors");
        System.out.printf("logit-mimic on 3000 MNIST examples: teacher %.0f, baseline %.0f, mimic %.0f errors of 10000%n",
                s.get("teacher").get("test_errors"), baseline, student);
        assertTrue(student < baseline - 20, "mimic " + student + " vs baseline " + baseline + " errors");
    }

    @Test
    void aNegativeLabelWeightIsRefusedBeforeTraining() {
        var e = assertThrows(IllegalArgumentException.class, () -> new LocalDistillery(tmp)
                .strategy("logit-mimic", new LogitMimic()).run(CONFIG, "strategy.label_weight=-1"));
        assertTrue(e.getMessage().contains("label_weight must not be negative"), e.getMessage());
    }
}
