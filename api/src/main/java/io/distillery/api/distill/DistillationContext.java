package io.distillery.api.distill;

import io.distillery.api.data.Batch;
import io.distillery.api.data.DataSplits;
import io.distillery.api.nn.Layers;
import io.distillery.api.nn.Module;
import io.distillery.api.run.Metrics;
import io.distillery.api.run.RunSpec;
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
     * The teacher's logits for a batch, without gradient; cached across epochs when the inputs repeat
     * unchanged (no random transform).
     *
     * @param batch the batch
     * @return {@code [batch, classes]}
     */
    Tensor teacherLogits(Batch batch);

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
     * @param model a model
     * @return its accuracy and loss on the test part
     */
    Metrics evaluate(Module model);
}
