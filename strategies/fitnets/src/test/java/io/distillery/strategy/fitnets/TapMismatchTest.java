package io.distillery.strategy.fitnets;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;

import io.distillery.strategy.kd.SoftTargetTerm;
import io.distillery.testkit.LocalDistillery;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hint and guided layers that no regressor can connect are reported with their config keys and both shapes from a
 * dry pass of the strategy on untrained models, before the run writes anything or trains a step; settings that
 * are wrong on their own fail there too.
 */
class TapMismatchTest {
    @TempDir
    Path tmp;

    private LocalDistillery distillery() {
        return new LocalDistillery(tmp).strategy("fitnets", new FitNets()).lossTerm("kd", new SoftTargetTerm());
    }

    private IllegalArgumentException failure(String hint, String guided) {
        return distillery().refusal(
                LocalDistillery.smallConvMnist("{name: fitnets, hint: " + hint + ", guided: " + guided + "}"));
    }

    @Test
    void aMissingPathNamesItsKeyAndTheModulesThereAre() {
        LocalDistillery.assertMentions(failure("pool2", "block3.conv"), "config key 'strategy.guided' names no student module",
                "no module 'block3'", "[conv1, pool1, conv2, conv3, pool2, conv4, conv5, pool3, conv6, flatten, head]");
        LocalDistillery.assertMentions(failure("pool9", "conv5"), "config key 'strategy.hint' names no teacher module",
                "[conv1, pool1, conv2, pool2, flatten, head]");
    }

    @Test
    void aVectorCannotBeGuidedToAFeatureMap() {
        LocalDistillery.assertMentions(failure("pool2", "flatten"), "config keys 'strategy.guided' and 'strategy.hint'",
                "the student's 'flatten' gives [50, 72] and the teacher's 'pool2' gives [50, 16, 7, 7]", "of the hint's rank");
    }

    @Test
    void guidedMapsSmallerThanTheHintAreRefused() {
        LocalDistillery.assertMentions(failure("pool1", "conv5"), "config keys 'strategy.guided' and 'strategy.hint'",
                "the student's 'conv5' gives [50, 8, 7, 7] and the teacher's 'pool1' gives [50, 8, 14, 14]",
                "at least as large as the hint's");
    }

    @Test
    void settingsAreCheckedBeforeAnythingRuns() {
        var hint = assertThrows(IllegalArgumentException.class,
                () -> distillery().run(LocalDistillery.smallConvMnist("{name: fitnets, guided: conv5}")));
        LocalDistillery.assertMentions(hint, "config key 'strategy.hint' is missing");
        var epochs = assertThrows(IllegalArgumentException.class, () -> distillery().run(LocalDistillery.smallConvMnist(
                "{name: fitnets, hint: pool2, guided: conv5, hint_epochs: 6}")));
        LocalDistillery.assertMentions(epochs, "config key 'strategy.hint_epochs' is 6 but the two stages share the 6 epochs of 'train.epochs'");
        var activation = assertThrows(IllegalArgumentException.class, () -> distillery().run(LocalDistillery.smallConvMnist(
                "{name: fitnets, hint: pool2, guided: conv5, regressor_activation: rellu}")));
        LocalDistillery.assertMentions(activation, "'strategy.regressor_activation' must be one of", "did you mean 'relu'?");
    }
}
