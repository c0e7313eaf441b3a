package io.distillery.strategy.fitnets;

import java.util.List;
import java.util.Map;

import io.distillery.api.distill.DistillationContext;
import io.distillery.api.distill.DistillationStrategy;
import io.distillery.api.distill.LossTerm;
import io.distillery.api.distill.StageOptions;
import io.distillery.api.distill.Tap;
import io.distillery.api.nn.Module;
import io.distillery.api.tensor.Activation;
import io.distillery.api.tensor.Losses;
import io.distillery.api.tensor.Parameter;
import io.distillery.api.tensor.Shape;

import org.osgi.service.component.annotations.Component;

/**
 * FitNets (Romero, Ballas, Kahou, Chassang, Gatta and Bengio, "FitNets: Hints for Thin Deep Nets", ICLR 2015):
 * a thin, deep student is trained in two stages. In the hint stage, a {@link Regressor} on the student's guided layer
 * learns, together with the student up to that layer, to predict the output of the teacher's hint layer: the
 * {@code hint} term, the mean squared error over the hint's elements (the paper's {@code 1/2 ||u_h - r(v_g)||^2} up
 * to a constant factor). In the second stage the whole student learns from the labels and the teacher's soft
 * targets, {@code (1 - alpha) * ce + alpha * kd}, with the registered {@code ce} and {@code kd} terms. The hint
 * stage takes {@code hint_epochs} of the configured epochs and the second stage the rest, so that the student trains
 * as many epochs in all as the baseline it is compared with.
 *
 * <pre>
 * strategy: {name: fitnets, hint: conv2, guided: conv4, hint_epochs: 2, temperature: 4, alpha: 0.9}
 * </pre>
 *
 * Both layers must give feature maps, the guided ones at least as large as the hint's (or both vectors); paths and
 * shapes are checked before training.
 */
@Component(property = {DistillationStrategy.NAME + "=fitnets",
    DistillationStrategy.DESCRIPTION + "=FitNets: a regressed hint from the teacher, then soft targets (Romero et al. 2015)"})
public final class FitNets implements DistillationStrategy {

    /**
     * The strategy's settings.
     *
     * @param hint the teacher module whose output is the hint, by dotted path; required
     * @param guided the student module whose output the regressor reads, by dotted path; required
     * @param hintEpochs the epochs of the hint stage, taken from the configured ones
     * @param hintLr the hint stage's base learning rate, or {@code null} for the configured one
     * @param regressorActivation the activation on the regressor's output: {@code identity}, or the hint layer's own
     *        (such as {@code relu}) as the paper has it
     * @param temperature the soft targets' temperature in the second stage, above 0
     * @param alpha the weight of the soft-target term in the second stage, in [0, 1]
     */
    public record Params(String hint, String guided, int hintEpochs, Double hintLr, Activation regressorActivation,
            double temperature, double alpha) {
        /** No layers (the config must name them), one hint epoch, a linear regressor, and Hinton's weighting at T = 4. */
        public static final Params DEFAULTS = new Params(null, null, 1, null, Activation.IDENTITY, 4, 0.9);

        /** @throws IllegalArgumentException on a value outside its range */
        public Params {
            if (hintEpochs < 1) {
                throw new IllegalArgumentException("hint_epochs must be at least 1, got " + hintEpochs);
            }
            if (hintLr != null && !(hintLr > 0)) {
                throw new IllegalArgumentException("hint_lr must be above 0, got " + hintLr);
            }
            if (!(temperature > 0)) {
                throw new IllegalArgumentException("temperature must be above 0, got " + temperature);
            }
            if (!(alpha >= 0 && alpha <= 1)) {
                throw new IllegalArgumentException("alpha must be in [0, 1], got " + alpha);
            }
        }
    }

    @Override
    public void run(DistillationContext ctx) {
        Params p = ctx.parameters(Params.class);
        if (p.hint() == null || p.guided() == null) {
            throw new IllegalArgumentException("config key 'strategy." + (p.hint() == null ? "hint" : "guided") + "' is "
                    + "missing: FitNets needs the teacher's hint layer and the student's guided layer by module path");
        }
        int epochs = (int) ctx.spec().integer("train.epochs");
        if (p.hintEpochs() >= epochs) {
            throw new IllegalArgumentException("config key 'strategy.hint_epochs' is " + p.hintEpochs() + " but the two "
                    + "stages share the " + epochs + " epochs of 'train.epochs'; leave the second stage at least one");
        }
        LossTerm ce = ctx.lossTerm("ce", Map.of(), "strategy");
        LossTerm kd = ctx.lossTerm("kd", Map.of("temperature", p.temperature()), "strategy");
        hintStage(ctx, p);
        ctx.train(ctx.student(), batch -> ce.loss(batch).mul(1 - p.alpha()).add(kd.loss(batch).mul(p.alpha())),
                new StageOptions(epochs - p.hintEpochs(), null));
    }

    private static void hintStage(DistillationContext ctx, Params p) {
        Module regressor = null;
        try (Tap guided = ctx.tapStudent(p.guided(), "strategy.guided"); Tap hint = ctx.tapTeacher(p.hint(), "strategy.hint")) {
            Map<Tap, Shape> shapes = ctx.probe();
            regressor = Regressor.of(ctx.layers(), shapes.get(guided), shapes.get(hint), p.regressorActivation(),
                    List.of(p.guided(), p.hint()));
            HintedStudent hinted = new HintedStudent(ctx.student(), regressor, guided);
            ctx.train(hinted, batch -> {
                ctx.teacherLogits(batch);
                return ctx.term("hint", Losses.mse(hinted.forward(batch.inputs()), hint.output()));
            }, new StageOptions(p.hintEpochs(), p.hintLr()));
        } finally {
            // the regressor only serves the hint stage; its weights are in the stage's checkpoint
            if (regressor != null) {
                regressor.namedParameters().values().forEach(Parameter::release);
            }
        }
    }
}
