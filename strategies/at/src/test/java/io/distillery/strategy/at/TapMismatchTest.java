package io.distillery.strategy.at;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;

import io.distillery.strategy.composite.Composite;
import io.distillery.testkit.LocalDistillery;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Layer pairs that cannot be compared are reported with their config key and both shapes from a
 * dry pass of the strategy on untrained models, before the run writes anything or trains a step; settings that
 * are wrong on their own fail there too.
 */
class TapMismatchTest {
    @TempDir
    Path tmp;

    private IllegalArgumentException failure(String strategy) {
        return new LocalDistillery(tmp).strategy("at", new AttentionTransfer()).strategy("composite", new Composite())
                .lossTerm("at", new AttentionTerm()).refusal(LocalDistillery.smallConvMnist(strategy));
    }

    @Test
    void aMissingPathNamesItsKeyAndTheModulesThereAre() {
        LocalDistillery.assertMentions(failure("{name: at, pairs: [{student: pool1, teacher: pool1}, {student: conv9, teacher: pool2}]}"),
                "config key 'strategy.pairs[1].student' names no student module", "no module 'conv9'",
                "[conv1, pool1, conv2, conv3, pool2, conv4, conv5, pool3, conv6, flatten, head]");
        LocalDistillery.assertMentions(failure("{name: composite, terms: [{name: ce}, {name: at, pairs: [{student: pool1, teacher: stage1.conv}]}]}"),
                "config key 'strategy.terms[1].pairs[0].teacher' names no teacher module", "no module 'stage1'",
                "[conv1, pool1, conv2, pool2, flatten, head]");
    }

    @Test
    void vectorsAreNotFeatureMaps() {
        LocalDistillery.assertMentions(failure("{name: at, pairs: [{student: flatten, teacher: pool2}]}"), "config key 'strategy.pairs[0]'",
                "rank 3 or more", "the student's 'flatten' gives [50, 72] and the teacher's 'pool2' gives [50, 16, 7, 7]");
    }

    @Test
    void spatialSizesMustMatch() {
        LocalDistillery.assertMentions(failure("{name: at, pairs: [{student: pool1, teacher: pool2}]}"), "config key 'strategy.pairs[0]'",
                "spatial sizes must match", "the student's 'pool1' gives [50, 4, 14, 14] and the teacher's 'pool2' gives "
                        + "[50, 16, 7, 7]");
    }

    @Test
    void settingsAreCheckedBeforeAnythingRuns() {
        LocalDistillery d = new LocalDistillery(tmp).strategy("at", new AttentionTransfer());
        var none = assertThrows(IllegalArgumentException.class, () -> d.run(LocalDistillery.smallConvMnist("{name: at}")));
        LocalDistillery.assertMentions(none, "config key 'strategy.pairs' must list at least one pair");
        var beta = assertThrows(IllegalArgumentException.class, () -> d.run(LocalDistillery.smallConvMnist(
                "{name: at, beta: -1, pairs: [{student: pool1, teacher: pool1}]}")));
        LocalDistillery.assertMentions(beta, "config section 'strategy': beta must not be below 0, got -1.0");
        var pair = assertThrows(IllegalArgumentException.class, () -> d.run(LocalDistillery.smallConvMnist(
                "{name: at, pairs: [{student: pool1, teachr: pool1}]}")));
        LocalDistillery.assertMentions(pair, "'strategy.pairs[0].teachr'", "did you mean 'teacher'?");
    }
}
