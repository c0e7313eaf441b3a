package io.distillery.strategy.fsp;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;

import io.distillery.strategy.composite.Composite;
import io.distillery.testkit.LocalDistillery;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * FSP pairs that cannot be compared are reported with their config key and the shapes from a
 * dry pass of the strategy on untrained models, before the run writes anything or trains a step; settings that
 * are wrong on their own fail there too.
 */
class TapMismatchTest {
    @TempDir
    Path tmp;

    private LocalDistillery distillery() {
        return new LocalDistillery(tmp).strategy("fsp", new FlowOfSolution()).strategy("composite", new Composite())
                .lossTerm("fsp", new FspTerm());
    }

    private IllegalArgumentException failure(String pairs) {
        return failureOf("{name: fsp, pairs: " + pairs + "}");
    }

    private IllegalArgumentException failureOf(String strategy) {
        return distillery().refusal(LocalDistillery.smallConvMnist(strategy), FlowOfSolutionTest.STUDENT);
    }

    @Test
    void aMissingPathNamesItsKeyAndTheModulesThereAre() {
        LocalDistillery.assertMentions(failure("[{student: [pool1, conv3], teacher: [pool1, conv3]}]"),
                "config key 'strategy.pairs[0].teacher[1]' names no teacher module", "no module 'conv3'",
                "[conv1, pool1, conv2, pool2, flatten, head]");
        LocalDistillery.assertMentions(failureOf("{name: composite, terms: [{name: ce}, {name: fsp, pairs: [{student: [pool1, conv7], teacher: "
                + "[pool1, conv2]}]}]}"), "config key 'strategy.terms[1].pairs[0].student[1]' names no student module",
                "[conv1, pool1, conv2, conv3, pool2, conv4, conv5, pool3, flatten, head]");
    }

    @Test
    void vectorsAreNotFeatureMaps() {
        LocalDistillery.assertMentions(failure("[{student: [pool1, conv3], teacher: [flatten, conv2]}]"), "config key 'strategy.pairs[0].teacher'",
                "rank 3 or more", "the teacher's 'flatten' gives [50, 784] and 'conv2' gives [50, 16, 14, 14]");
    }

    @Test
    void aModelsTwoLayersMustHaveTheSameSpatialSize() {
        LocalDistillery.assertMentions(failure("[{student: [conv1, conv3], teacher: [pool1, conv2]}]"), "config key 'strategy.pairs[0].student'",
                "spatial sizes must match", "the student's 'conv1' gives [50, 8, 28, 28] and 'conv3' gives [50, 16, 14, 14]");
    }

    @Test
    void channelCountsMustMatchBetweenTheModels() {
        LocalDistillery.assertMentions(failure("[{student: [pool1, conv2], teacher: [pool1, conv2]}]"), "config key 'strategy.pairs[0]'",
                "the student's FSP matrix is 8x4 ('pool1' gives [50, 8, 14, 14] and 'conv2' gives [50, 4, 14, 14]) but the "
                        + "teacher's is 8x16", "choose layers with the same channel counts");
    }

    @Test
    void settingsAreCheckedBeforeAnythingRuns() {
        var epochs = assertThrows(IllegalArgumentException.class, () -> distillery().run(LocalDistillery.smallConvMnist(
                "{name: fsp, fsp_epochs: 6, pairs: [{student: [pool1, conv3], teacher: [pool1, conv2]}]}")));
        LocalDistillery.assertMentions(epochs, "config key 'strategy.fsp_epochs' is 6 but the two stages share the 6 epochs of 'train.epochs'");
        var paths = assertThrows(IllegalArgumentException.class, () -> distillery().run(LocalDistillery.smallConvMnist(
                "{name: fsp, pairs: [{student: [pool1], teacher: [pool1, conv2]}]}")));
        LocalDistillery.assertMentions(paths, "config section 'strategy.pairs[0]': student and teacher must each name two module paths");
    }
}
