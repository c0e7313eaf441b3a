package io.distillery.strategy.composite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;

import io.distillery.api.run.Metrics;
import io.distillery.strategy.kd.SoftTargetTerm;
import io.distillery.testkit.LocalDistillery;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Terms from different bundles combine: {@code ce} and {@code kd} weighted as Hinton's loss reach the same student
 * as the {@code kd} strategy, and bad term settings are refused before training with their key path.
 */
class CompositeTest {
    @TempDir
    Path tmp;

    private LocalDistillery distillery() {
        return new LocalDistillery(tmp).strategy("composite", new Composite()).lossTerm("kd", new SoftTargetTerm());
    }

    @Test
    void weightedCeAndKdTermsDistilLikeTheKdStrategy() {
        Map<String, Metrics> s = distillery().run(LocalDistillery.smallMnist(
                "{name: composite, terms: [{name: ce, weight: 0.1}, {name: kd, weight: 0.9, temperature: 8}]}")).summary();
        double baseline = s.get("baseline").get("test_errors");
        double student = s.get("student").get("test_errors");
        System.out.printf("composite ce+kd on 3000 MNIST examples: baseline %.0f, distilled %.0f errors%n", baseline, student);
        // the kd strategy with temperature 8 and alpha 0.9 makes 734 errors on this task, from the same weights
        assertEquals(734, student, 10);
        assertTrue(student < baseline - 50, "distilled " + student + " vs baseline " + baseline);
    }

    @Test
    void termSettingsAreCheckedBeforeTraining() {
        var unknown = assertThrows(IllegalArgumentException.class, () -> distillery()
                .run(LocalDistillery.smallMnist("{name: composite, terms: [{name: kdd}]}")));
        assertTrue(unknown.getMessage().contains("unknown loss term 'kdd'") && unknown.getMessage().contains("did you mean 'kd'?"),
                unknown.getMessage());
        var bad = assertThrows(IllegalArgumentException.class, () -> distillery()
                .run(LocalDistillery.smallMnist("{name: composite, terms: [{name: kd, temprature: 3}]}")));
        assertTrue(bad.getMessage().contains("'strategy.terms[0].temprature'; did you mean 'temperature'?"), bad.getMessage());
        var weight = assertThrows(IllegalArgumentException.class, () -> distillery()
                .run(LocalDistillery.smallMnist("{name: composite, terms: [{name: ce, weight: -1}]}")));
        assertTrue(weight.getMessage().contains("'strategy.terms[0].weight' must be a number not below 0"), weight.getMessage());
    }
}
