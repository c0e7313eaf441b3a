package io.distillery.runner.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.distillery.api.data.Batch;
import io.distillery.api.data.DataSplits;
import io.distillery.api.distill.DistillationContext;
import io.distillery.api.distill.LossTerm;
import io.distillery.api.nn.Layers;
import io.distillery.api.nn.Module;
import io.distillery.api.run.Metrics;
import io.distillery.api.run.RunSpec;
import io.distillery.api.tensor.SeededRandom;
import io.distillery.api.tensor.Tensor;
import io.distillery.api.tensor.Tensors;
import io.distillery.runner.config.RecordBinder;

/**
 * The {@link DistillationContext} of one phase of a run (the teacher's training, the baseline student's, the
 * distilled student's): its strategy's config section, its models, its generator and its training stages. Each
 * {@link #train} call is one stage, checkpointed on its own, so a resumed run replays finished stages from their
 * checkpoints and continues the unfinished one.
 */
public final class PhaseContext implements DistillationContext {
    private final RunState run;
    private final String phase;
    private final Map<String, Object> strategySection;
    private final String strategyPath;
    private final Module teacher;
    private final Module student;
    private final SeededRandom random;
    private final TrainSettings settings;
    private final TeacherCache teacherCache;
    private final List<Term> stepTerms = new ArrayList<>();
    private Batch trainingBatch;
    private int stage;

    /** A named term of the current step's loss. */
    record Term(String name, Tensor value) {
    }

    /**
     * @param run the run's shared state
     * @param phase the phase's name ({@code teacher}, {@code baseline}, {@code student})
     * @param strategySection the strategy's config section
     * @param strategyPath its key path, for messages
     * @param teacher the trained teacher, or {@code null} when the phase has none
     * @param student the model the phase trains
     * @param random the phase's generator (the student's initial weights came from it; dropout draws from it)
     * @param settings the phase's training settings
     * @param teacherCache the teacher's logit cache, or {@code null} without a teacher
     */
    public PhaseContext(RunState run, String phase, Map<String, Object> strategySection, String strategyPath, Module teacher,
            Module student, SeededRandom random, TrainSettings settings, TeacherCache teacherCache) {
        this.run = run;
        this.phase = phase;
        this.strategySection = strategySection;
        this.strategyPath = strategyPath;
        this.teacher = teacher;
        this.student = student;
        this.random = random;
        this.settings = settings;
        this.teacherCache = teacherCache;
    }

    @Override
    public RunSpec spec() {
        return run.info().spec();
    }

    @Override
    public <P extends Record> P parameters(Class<P> type) {
        Map<String, Object> params = new LinkedHashMap<>(strategySection);
        params.remove("name");
        return RecordBinder.bind(type, params, strategyPath);
    }

    @Override
    public Tensor term(String name, Tensor value) {
        stepTerms.add(new Term(name, value));
        return value;
    }

    @Override
    public Tensors tensors() {
        return run.tensors();
    }

    @Override
    public Layers layers() {
        return run.layers().withRandom(random);
    }

    @Override
    public DataSplits data() {
        return run.splits();
    }

    @Override
    public Module teacher() {
        if (teacher == null) {
            throw new IllegalStateException("the " + phase + " phase has no teacher; add a 'teacher' section to the config");
        }
        return teacher;
    }

    @Override
    public Module student() {
        return student;
    }

    @Override
    public Tensor teacherLogits(Batch batch) {
        teacher();
        return teacherCache.logits(batch, batch == trainingBatch);
    }

    @Override
    public Metrics train(Module model, LossTerm loss) {
        return new StageTrainer(this, stage++, model, loss).run();
    }

    @Override
    public Metrics evaluate(Module model) {
        Evaluator.Result r = new Evaluator(run.tensors(), run.pipeline()).evaluate(model, run.test(), settings.evalBatch());
        return Metrics.empty().with("test_accuracy", r.accuracy()).with("test_errors", r.errors()).with("test_loss", r.loss());
    }

    RunState run() {
        return run;
    }

    String phase() {
        return phase;
    }

    SeededRandom random() {
        return random;
    }

    TrainSettings settings() {
        return settings;
    }

    /** Starts a training step on a batch: its terms are collected afresh and teacher logits may be cached. */
    void beginStep(Batch batch) {
        trainingBatch = batch;
        stepTerms.clear();
    }

    List<Term> stepTerms() {
        return stepTerms;
    }
}
