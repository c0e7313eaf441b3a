package io.distillery.runner;

import java.util.LinkedHashMap;
import java.util.Map;

import io.distillery.api.data.Batch;
import io.distillery.api.data.DataSplits;
import io.distillery.api.distill.DistillationContext;
import io.distillery.api.distill.DistillationStrategy;
import io.distillery.api.distill.LossTermProvider;
import io.distillery.api.distill.LossTerm;
import io.distillery.api.distill.StageOptions;
import io.distillery.api.distill.Tap;
import io.distillery.api.nn.Layers;
import io.distillery.api.nn.Module;
import io.distillery.api.run.Metrics;
import io.distillery.api.run.RunSpec;
import io.distillery.api.tensor.Tensor;
import io.distillery.api.tensor.Tensors;
import io.distillery.runner.config.RecordBinder;

/**
 * Checks a strategy's settings before a run writes anything: starts the strategy against a context that binds
 * its parameters, and makes the loss terms it asks for (which binds their options), as the real one would, and
 * stops it at the first call that needs models or data. Strategies bind their settings first, so a bad value fails
 * here, naming its key, instead of after the teacher has trained.
 */
final class ParameterCheck implements DistillationContext {
    private final RunSpec spec;
    private final Map<String, Object> section;
    private final Registry<LossTermProvider> lossTerms;

    /** Thrown to stop the strategy once its parameters are bound; never escapes {@link #check}. */
    private static final class Stop extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stop() {
            super(null, null, false, false);
        }
    }

    private ParameterCheck(RunSpec spec, Map<String, Object> section, Registry<LossTermProvider> lossTerms) {
        this.spec = spec;
        this.section = section;
        this.lossTerms = lossTerms;
    }

    /**
     * @param strategy the strategy
     * @param spec the config
     * @param section its strategy section
     * @param lossTerms the loss terms it may ask for
     * @throws IllegalArgumentException if the strategy's parameters or its terms' options do not bind
     */
    static void check(DistillationStrategy strategy, RunSpec spec, Map<String, Object> section,
            Registry<LossTermProvider> lossTerms) {
        try {
            strategy.run(new ParameterCheck(spec, section, lossTerms));
        } catch (Stop | IllegalStateException e) {
            // checked as far as the strategy lets a dry start go
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (Exception e) {
            // anything else belongs to the real run
        }
    }

    @Override
    public RunSpec spec() {
        return spec;
    }

    @Override
    public <P extends Record> P parameters(Class<P> type) {
        Map<String, Object> params = new LinkedHashMap<>(section);
        params.remove("name");
        return RecordBinder.bind(type, params, "strategy");
    }

    @Override
    public <P extends Record> P bind(Class<P> type, Map<String, Object> options, String keyPath) {
        return RecordBinder.bind(type, options, keyPath);
    }

    @Override
    public Tensor term(String name, Tensor value) {
        throw new Stop();
    }

    @Override
    public Tensors tensors() {
        throw new Stop();
    }

    @Override
    public Layers layers() {
        throw new Stop();
    }

    @Override
    public DataSplits data() {
        throw new Stop();
    }

    @Override
    public Module teacher() {
        throw new Stop();
    }

    @Override
    public Module student() {
        throw new Stop();
    }

    @Override
    public Tensor teacherLogits(Batch batch) {
        throw new Stop();
    }

    @Override
    public Metrics train(Module model, LossTerm loss) {
        throw new Stop();
    }

    @Override
    public Metrics train(Module model, LossTerm loss, StageOptions options) {
        throw new Stop();
    }

    @Override
    public Tensor studentLogits(Batch batch) {
        throw new Stop();
    }

    @Override
    public Tap tapStudent(String path) {
        throw new Stop();
    }

    @Override
    public Tap tapTeacher(String path) {
        throw new Stop();
    }

    @Override
    public Batch sampleBatch() {
        throw new Stop();
    }

    @Override
    public LossTerm lossTerm(String name, Map<String, Object> options) {
        return lossTerms.get(name, "loss term").create(this, options);
    }

    @Override
    public Metrics evaluate(Module model) {
        throw new Stop();
    }
}
