package io.distillery.api.distill;

import java.util.Map;

import io.distillery.api.data.Batch;
import io.distillery.api.data.DataSplits;
import io.distillery.api.nn.Layers;
import io.distillery.api.nn.Module;
import io.distillery.api.run.Metrics;
import io.distillery.api.run.RunSpec;
import io.distillery.api.tensor.Shape;
import io.distillery.api.tensor.Tensor;
import io.distillery.api.tensor.Tensors;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Everything a strategy works with during one run. The framework owns the epoch loop, optimizer and
 * schedule, progress, checkpoints, evaluation, the report and the backend; a strategy decides what is
 * trained, in which order, against which loss. Implemented by the engine's run orchestrator.
 */
@ProviderType
public interface DistillationContext {

    /** @return the run's resolved config */
    RunSpec spec();

    /**
     * Binds the strategy's config section (every key but {@code name}) to a record: component {@code fooBar} takes
     * key {@code foo_bar}; numbers, booleans, strings, enums (by kebab-case name), lists and maps convert. A key
     * missing from the config takes its value from the record's {@code public static final} field
     * {@code DEFAULTS}, if the record declares one, and is an error otherwise.
     *
     * @param <P> the record type
     * @param type the record class
     * @return the bound values
     * @throws IllegalArgumentException naming unknown keys (with a "did you mean"), missing keys and wrong types
     */
    <P extends Record> P parameters(Class<P> type);

    /**
     * Binds any options to a record the way {@link #parameters(Class)} binds the strategy's section: for loss terms
     * and other parts with options of their own.
     *
     * @param <P> the record type
     * @param type the record class
     * @param options the options
     * @param keyPath where the options stand in the config, for messages ({@code strategy.terms[1]})
     * @return the bound values
     * @throws IllegalArgumentException naming unknown keys, missing keys and wrong types under the key path
     */
    <P extends Record> P bind(Class<P> type, Map<String, Object> options, String keyPath);

    /**
     * Names one term of a step's loss, so that it is reported per epoch and checked: a non-finite term stops the
     * run with a message naming it.
     *
     * @param name the term's name in metrics, e.g. {@code ce}, {@code kd}
     * @param value the term, a scalar
     * @return {@code value}, to compose further
     */
    Tensor term(String name, Tensor value);

    /** @return the tensor factory */
    Tensors tensors();

    /** @return layers bound to the run's generator, for regressors and other helper modules */
    Layers layers();

    /** @return the data set's parts */
    DataSplits data();

    /** @return the trained teacher, in evaluation mode and frozen */
    Module teacher();

    /** @return the student to train */
    Module student();

    /**
     * The teacher's logits for a batch, without gradient; computed once per step, and cached across epochs when the
     * inputs repeat unchanged (no random transform) and no teacher tap is open.
     *
     * @param batch the batch
     * @return {@code [batch, classes]}
     */
    Tensor teacherLogits(Batch batch);

    /**
     * The student's output for a batch, computed once per step however many terms ask for it, so that terms
     * combine over one forward pass and one dropout mask.
     *
     * @param batch the step's batch
     * @return {@code [batch, classes]}, with its gradient history
     */
    Tensor studentLogits(Batch batch);

    /**
     * Records a student module's output in every step, until the tap or the phase closes.
     *
     * @param path the module's dotted path in the student
     * @param configKey the config key that named it, for messages ({@code strategy.hint})
     * @return the tap
     * @throws IllegalArgumentException naming the config key, the missing path segment and the modules there are
     */
    Tap tapStudent(String path, String configKey);

    /**
     * Records a teacher module's output in every step (which turns the teacher-logit cache off), until the tap or
     * the phase closes.
     *
     * @param path the module's dotted path in the teacher
     * @param configKey the config key that named it, for messages
     * @return the tap
     * @throws IllegalArgumentException naming the config key, the missing path segment and the modules there are
     */
    Tap tapTeacher(String path, String configKey);

    /**
     * Runs the teacher and the student once on a training batch, without gradient and in evaluation mode (no
     * dropout mask drawn, no batch-norm statistic moved), so that a strategy can check its taps' shapes before
     * training. Before a run writes anything, its strategy is started once on untrained models with a context
     * whose training calls stop it: a mismatch found here is then reported before the teacher trains.
     *
     * @return the output shape of every tap open in this phase
     */
    Map<Tap, Shape> probe();

    /**
     * A batch of training examples in the calling thread's open scope.
     *
     * @return the first batch of the training data
     */
    Batch sampleBatch();

    /**
     * A loss term registered by name ({@code loss.name}), such as {@code kd} or {@code ce}, made for this phase.
     *
     * @param name the term's name
     * @param options its options
     * @param configKey where the options stand in the config, for messages
     * @return the term
     * @throws IllegalArgumentException for an unknown name, listing the known ones, or an invalid option
     */
    LossTerm lossTerm(String name, Map<String, Object> options, String configKey);

    /**
     * Trains a model for the configured epochs, one step per batch, minimising the given loss with the
     * configured optimizer and schedule; emits events, checkpoints and stops cleanly on a non-finite loss.
     *
     * @param model the model whose trainable parameters are updated
     * @param loss the per-batch loss
     * @return the final epoch's measurements
     */
    Metrics train(Module model, LossTerm loss);

    /**
     * Like {@link #train(Module, LossTerm)}, with this stage's own length or learning rate.
     *
     * @param model the model whose trainable parameters are updated
     * @param loss the per-batch loss
     * @param options how the stage departs from the configured training
     * @return the final epoch's measurements
     */
    Metrics train(Module model, LossTerm loss, StageOptions options);

    /**
     * @param model a model
     * @return its accuracy and loss on the test part
     */
    Metrics evaluate(Module model);
}
