package io.distillery.runner.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.distillery.api.data.Batch;
import io.distillery.api.data.Loader;
import io.distillery.api.data.LoaderOptions;
import io.distillery.api.distill.LossTerm;
import io.distillery.api.distill.StageOptions;
import io.distillery.api.nn.LearningRateSchedule;
import io.distillery.api.nn.Module;
import io.distillery.api.nn.Optimizer;
import io.distillery.api.run.EpochEvent;
import io.distillery.api.run.Metrics;
import io.distillery.api.run.RunFailedException;
import io.distillery.api.run.StepEvent;
import io.distillery.api.tensor.Parameter;
import io.distillery.api.tensor.Scope;
import io.distillery.api.tensor.Tensor;

/**
 * One {@code train} call of a strategy: the epochs of one stage, with the phase's optimizer and schedule, a
 * scope per step, events, an evaluation and a checkpoint after each epoch (after its metrics line, so a resumed
 * run rewrites the lines of the epoch it redoes), and a stop with a clear message on a non-finite loss.
 */
final class StageTrainer {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PhaseContext ctx;
    private final RunState run;
    private final int stage;
    private final Module model;
    private final LossTerm loss;
    private final TrainSettings settings;
    private final Path checkpoint;
    private final Map<String, Parameter> trainable = new LinkedHashMap<>();
    private boolean interruptAfterwards;

    StageTrainer(PhaseContext ctx, int stage, Module model, LossTerm loss, StageOptions options) {
        this.ctx = ctx;
        this.run = ctx.run();
        this.stage = stage;
        this.model = Objects.requireNonNull(model, "model");
        this.loss = Objects.requireNonNull(loss, "loss");
        this.settings = ctx.settings().with(options);
        this.checkpoint = run.directory().checkpoint(ctx.phase() + "-stage" + stage);
        model.namedParameters().forEach((n, p) -> {
            if (p.trainable()) {
                trainable.put(n, p);
            }
        });
        if (trainable.isEmpty()) {
            throw new IllegalArgumentException(ctx.phase() + " stage " + stage + ": the model has no trainable parameter");
        }
    }

    Metrics run() {
        try (Optimizer opt = run.optimizers().create(settings.optimizer(), trainable)) {
            LearningRateSchedule schedule = run.optimizers().schedule(settings.schedule(),
                    settings.optimizer().learningRate(), settings.epochs());
            int start = 0;
            Metrics last = Metrics.empty();
            if (Files.exists(checkpoint)) {
                Checkpoint c = Checkpoint.load(checkpoint);
                model.loadStateDict(c.model());
                opt.loadStateDict(c.optimizer());
                ctx.random().setState(Long.parseLong(c.metadata().get(Checkpoint.RANDOM_STATE)));
                last = metrics(c.metadata().get(Checkpoint.METRICS));
                if (c.complete()) {
                    return last;
                }
                start = c.epochsDone();
                int redo = start;
                run.directory().retainMetrics(line -> !(ctx.phase().equals(line.get("phase"))
                        && Integer.valueOf(stage).equals(line.get("stage")) && ((Number) line.get("epoch")).intValue() >= redo));
            }
            LoaderOptions options = new LoaderOptions(settings.batch(), true, false, run.transforms(), loaderSeed(), 2);
            try (Loader loader = run.pipeline().loader(run.train(), options)) {
                for (int epoch = start; epoch < settings.epochs(); epoch++) {
                    last = epoch(epoch, loader, opt, schedule);
                    save(opt, epoch + 1, last);
                }
            }
            return last;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (interruptAfterwards) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private long loaderSeed() {
        return run.seed() * 1_000_003L + ctx.phase().hashCode() * 31L + stage;
    }

    private Metrics epoch(int epoch, Loader loader, Optimizer opt, LearningRateSchedule schedule) {
        String backend = run.tensors().backendName();
        run.listeners().epochStarted(new EpochEvent(run.info().id(), ctx.phase(), epoch, settings.epochs(), backend, Metrics.empty()));
        model.setTraining(true);
        long started = System.nanoTime();
        Duration waitedBefore = loader.waited();
        int steps = loader.batchesPerEpoch();
        EpochTally tally = new EpochTally();
        Tensor[] output = new Tensor[1];
        try (AutoCloseable tap = model.addForwardHook((m, in, out) -> output[0] = out)) {
            Iterator<Batch> it = loader.epoch(epoch);
            Batch next = it.hasNext() ? it.next() : null; // one batch ahead, for the teacher (PhaseContext)
            for (int step = 0; next != null; step++) {
                if (Thread.interrupted()) {
                    // cleared while the failure is reported and the loader stops (both do interruptible I/O), then
                    // set again so that the caller sees it
                    try {
                        throw failure(epoch, step, steps, "the run was interrupted", opt);
                    } finally {
                        interruptAfterwards = true;
                    }
                }
                try (Scope s = run.tensors().scope()) {
                    Batch batch = next;
                    next = it.hasNext() ? it.next() : null;
                    ctx.beginStep(batch);
                    output[0] = null;
                    opt.setLearningRate(schedule.learningRate(epoch + (double) step / steps));
                    opt.zeroGrad();
                    Tensor total = loss.loss(batch);
                    ctx.teacherAhead(next);
                    Metrics losses = checkedLosses(total, epoch, step, steps, opt);
                    total.backward();
                    if (settings.clipGradNorm() != null) {
                        run.optimizers().clipGradNorm(trainable.values(), settings.clipGradNorm());
                    }
                    opt.step();
                    tally.step(batch, losses, output[0], run.classes());
                    run.listeners().stepFinished(new StepEvent(run.info().id(), ctx.phase(), epoch, step, steps,
                            batch.size(), losses));
                }
            }
        } catch (RunFailedException | IllegalArgumentException | IllegalStateException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            ctx.endAhead();
        }
        double trainSeconds = (System.nanoTime() - started) / 1e9;
        Metrics m = tally.metrics(opt.learningRate(), trainSeconds, loader.waited().minus(waitedBefore));
        m = evaluate(m);
        m = m.with("seconds", (System.nanoTime() - started) / 1e9);
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("phase", ctx.phase());
        line.put("stage", stage);
        line.put("epoch", epoch);
        line.put("epochs", settings.epochs());
        line.put("backend", backend);
        line.putAll(m.values());
        run.directory().appendMetrics(line);
        run.listeners().epochFinished(new EpochEvent(run.info().id(), ctx.phase(), epoch, settings.epochs(), backend, m));
        return m;
    }

    private Metrics evaluate(Metrics m) {
        Evaluator evaluator = new Evaluator(run.tensors(), run.pipeline());
        Metrics out = m;
        if (run.validation() != null && model == ctx.student()) {
            out = out.with("val_accuracy", evaluator.evaluate(model, run.validation(), settings.evalBatch()).accuracy());
        }
        // a stage may train a wrapper around part of the student (a hint regressor) whose output is no class score
        if (model == ctx.student()) {
            out = out.with("test_accuracy", evaluator.evaluate(model, run.test(), settings.evalBatch()).accuracy());
        }
        return out;
    }

    private Metrics checkedLosses(Tensor total, int epoch, int step, int steps, Optimizer opt) {
        Metrics losses = Metrics.empty();
        for (PhaseContext.Term t : ctx.stepTerms()) {
            float v = t.value().item();
            if (!Float.isFinite(v)) {
                throw failure(epoch, step, steps, "loss term '" + t.name() + "' is " + v, opt);
            }
            losses = losses.with(t.name(), v);
        }
        float value = total.item();
        if (!Float.isFinite(value)) {
            throw failure(epoch, step, steps, "the loss is " + value, opt);
        }
        return losses.with("loss", value);
    }

    private RunFailedException failure(int epoch, int step, int steps, String what, Optimizer opt) {
        String last = "none yet";
        if (Files.exists(checkpoint)) {
            try {
                last = checkpoint + " (" + Checkpoint.load(checkpoint).epochsDone() + " epochs done)";
            } catch (IOException e) {
                last = checkpoint + " (unreadable: " + e.getMessage() + ")";
            }
        }
        return new RunFailedException(ctx.phase() + " stage " + stage + ", epoch " + (epoch + 1) + "/" + settings.epochs()
                + ", step " + (step + 1) + "/" + steps + ": " + what + ". Last good checkpoint: " + last
                + ". Everything written so far is kept; resume with --resume " + run.directory().path()
                + (what.startsWith("the run was interrupted") ? "" : ", after lowering the learning rate (it was "
                        + opt.learningRate() + ")") + ".", run.directory().path(), null);
    }

    private void save(Optimizer opt, int epochsDone, Metrics metrics) throws IOException {
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("format", "distillery-checkpoint-1");
        meta.put("phase", ctx.phase());
        meta.put("stage", Integer.toString(stage));
        meta.put(Checkpoint.EPOCHS_DONE, Integer.toString(epochsDone));
        meta.put("epochs", Integer.toString(settings.epochs()));
        meta.put(Checkpoint.COMPLETE, Boolean.toString(epochsDone == settings.epochs()));
        meta.put(Checkpoint.RANDOM_STATE, Long.toString(ctx.random().state()));
        meta.put("optimizer_steps", Long.toString(opt.steps()));
        meta.put(Checkpoint.METRICS, JSON.writeValueAsString(metrics.values()));
        new Checkpoint(model.stateDict(), opt.stateDict(), meta).save(checkpoint);
    }

    private static Metrics metrics(String json) {
        if (json == null) {
            return Metrics.empty();
        }
        try {
            return new Metrics(JSON.readValue(json, new TypeReference<Map<String, Double>>() { }));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("checkpoint metrics are unreadable: " + e.getOriginalMessage(), e);
        }
    }
}
