package io.distillery.runner.train;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;

import io.distillery.api.data.Batch;
import io.distillery.api.data.DataSplits;
import io.distillery.api.data.Loader;
import io.distillery.api.data.LoaderOptions;
import io.distillery.api.distill.DistillationContext;
import io.distillery.api.distill.LossTerm;
import io.distillery.api.distill.StageOptions;
import io.distillery.api.distill.Tap;
import io.distillery.api.nn.Layers;
import io.distillery.api.nn.Module;
import io.distillery.api.run.Metrics;
import io.distillery.api.run.RunSpec;
import io.distillery.api.tensor.Scope;
import io.distillery.api.tensor.SeededRandom;
import io.distillery.api.tensor.Shape;
import io.distillery.api.tensor.Tensor;
import io.distillery.api.tensor.TensorData;
import io.distillery.api.tensor.Tensors;
import io.distillery.runner.config.RecordBinder;

/**
 * The {@link DistillationContext} of one phase of a run (the teacher's training, the baseline student's, the
 * distilled student's): its strategy's config section, its models, its generator and its training stages. Each
 * {@link #train} call is one stage, checkpointed on its own, so a resumed run replays finished stages from their
 * checkpoints and continues the unfinished one.
 */
public final class PhaseContext implements DistillationContext, AutoCloseable {

    /**
     * Stops a strategy started on untrained models to check its settings, at its first training call; never
     * escapes the check.
     */
    public static final class DryRunEnd extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DryRunEnd() {
            super("a dry run ends at the first training call", null, false, false);
        }
    }

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
    private Tensor studentOutput;
    private Tensor teacherOutput;
    private long step;
    private int teacherTaps;
    /** Whether this step took the teacher's logits of its batch: only then does the next one's pass run ahead. */
    private boolean trainingLogitsUsed;
    /** The batch whose teacher pass runs ahead, and that pass; both {@code null} when none does. */
    private Batch aheadBatch;
    private Future<TensorData> ahead;
    private int stage;
    private final List<Tap> taps = new ArrayList<>();
    private final boolean dry;

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
     * @param dry whether this is a dry run, which ends at the first training call
     */
    public PhaseContext(RunState run, String phase, Map<String, Object> strategySection, String strategyPath, Module teacher,
            Module student, SeededRandom random, TrainSettings settings, TeacherCache teacherCache, boolean dry) {
        this.run = run;
        this.phase = phase;
        this.strategySection = strategySection;
        this.strategyPath = strategyPath;
        this.teacher = teacher;
        this.student = student;
        this.random = random;
        this.settings = settings;
        this.teacherCache = teacherCache;
        this.dry = dry;
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
    public <P extends Record> P bind(Class<P> type, Map<String, Object> options, String keyPath) {
        return RecordBinder.bind(type, options, keyPath);
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
        boolean current = batch == trainingBatch;
        if (current && teacherOutput != null) {
            return teacherOutput;
        }
        TensorData computed = batch == aheadBatch ? takeAhead() : null;
        Tensor out;
        if (teacherTaps > 0) { // open teacher taps need the forward pass itself, not cached logits
            out = teacherCache.forward(batch);
        } else {
            out = computed != null ? teacherCache.accept(batch, computed) : teacherCache.logits(batch, current);
        }
        if (current) {
            teacherOutput = out;
            trainingLogitsUsed = true;
        }
        return out;
    }

    /**
     * Starts the teacher's forward pass over the next training batch beside the rest of this step and the start
     * of the next ({@link Tensors#aside}), where this step took the teacher's logits of its batch, no teacher tap
     * is open and the cache does not hold the next batch's; {@link #teacherLogits(Batch)} takes them up. The
     * teacher is frozen, so the pass needs nothing from the student's step.
     *
     * @param next the next training batch, or {@code null} at the end of an epoch
     */
    void teacherAhead(Batch next) {
        if (next == null || aheadBatch != null || !trainingLogitsUsed || teacherTaps > 0 || !teacherCache.misses(next)) {
            return;
        }
        aheadBatch = next;
        ahead = run.tensors().aside(() -> teacherCache.computeAside(next));
    }

    /**
     * Waits for a pass started ahead that no step took up, as an epoch ends or fails, so that none outlives it;
     * its result and any failure are of no use any more.
     */
    void endAhead() {
        if (aheadBatch != null) {
            try {
                takeAhead();
            } catch (RuntimeException unused) {
                // nobody needs the pass any more
            }
        }
    }

    /** Takes up the pass started ahead; waits for it even through an interrupt, since it reads the teacher. */
    private TensorData takeAhead() {
        Future<TensorData> pending = ahead;
        aheadBatch = null;
        ahead = null;
        return Tensors.await(pending);
    }

    @Override
    public Tensor studentLogits(Batch batch) {
        if (batch == trainingBatch && studentOutput != null) {
            return studentOutput;
        }
        Tensor out = student.forward(batch.inputs());
        if (batch == trainingBatch) {
            studentOutput = out;
        }
        return out;
    }

    @Override
    public Tap tapStudent(String path, String configKey) {
        return open(new PhaseTap("student", path, module(student, "student", path, configKey), this, () -> { }));
    }

    @Override
    public Tap tapTeacher(String path, String configKey) {
        Tap tap = open(new PhaseTap("teacher", path, module(teacher(), "teacher", path, configKey), this,
                () -> teacherTaps--));
        teacherTaps++;
        return tap;
    }

    private Tap open(Tap tap) {
        taps.add(tap);
        return tap;
    }

    private static Module module(Module model, String role, String path, String configKey) {
        try {
            return model.module(path);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("config key '" + configKey + "' names no " + role + " module: " + e.getMessage(), e);
        }
    }

    @Override
    public Map<Tap, Shape> probe() {
        boolean training = student.isTraining();
        student.setTraining(false);
        try (Scope s = run.tensors().scope(); AutoCloseable off = run.tensors().noGrad()) {
            Batch batch = sampleBatch();
            beginStep(batch);
            if (teacher != null) {
                teacherLogits(batch);
            }
            studentLogits(batch);
            Map<Tap, Shape> shapes = new IdentityHashMap<>();
            for (Tap t : taps) {
                shapes.put(t, t.output().shape());
            }
            return shapes;
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            student.setTraining(training);
            beginStep(null);
        }
    }

    @Override
    public Batch sampleBatch() {
        LoaderOptions options = new LoaderOptions(settings.batch(), false, false, List.of(), 0, 0);
        try (Loader loader = run.pipeline().loader(run.train(), options)) {
            Iterator<Batch> it = loader.epoch(0);
            Batch b = it.next();
            b.inputs();
            b.labels();
            return b;
        }
    }

    @Override
    public LossTerm lossTerm(String name, Map<String, Object> options, String configKey) {
        return run.lossTerms().get(name, configKey + ".name").create(this, options, configKey);
    }

    @Override
    public Metrics train(Module model, LossTerm loss) {
        return train(model, loss, StageOptions.CONFIGURED);
    }

    @Override
    public Metrics train(Module model, LossTerm loss, StageOptions options) {
        if (dry) {
            throw new DryRunEnd();
        }
        return new StageTrainer(this, stage++, model, loss, options).run();
    }

    /** Closes the taps the phase's strategy left open. */
    @Override
    public void close() {
        new ArrayList<>(taps).forEach(Tap::close);
        taps.clear();
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

    /**
     * Starts a training step on a batch: its terms are collected afresh, the student's and teacher's outputs are
     * computed once for it, and taps hold this step's outputs.
     */
    void beginStep(Batch batch) {
        trainingBatch = batch;
        trainingLogitsUsed = false;
        studentOutput = null;
        teacherOutput = null;
        step++;
        stepTerms.clear();
    }

    /** @return the number of the current step, which tells taps' outputs of this step from older ones */
    long step() {
        return step;
    }

    List<Term> stepTerms() {
        return stepTerms;
    }
}
