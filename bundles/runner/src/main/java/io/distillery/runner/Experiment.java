package io.distillery.runner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.distillery.api.data.DataSplits;
import io.distillery.api.data.Dataset;
import io.distillery.api.data.Partition;
import io.distillery.api.data.Transform;
import io.distillery.api.distill.DistillationStrategy;
import io.distillery.api.nn.ModelSpec;
import io.distillery.api.nn.Module;
import io.distillery.api.run.Experiments;
import io.distillery.api.run.Metrics;
import io.distillery.api.run.RunFailedException;
import io.distillery.api.run.RunInfo;
import io.distillery.api.run.RunSpec;
import io.distillery.api.tensor.Parameter;
import io.distillery.api.tensor.SeededRandom;
import io.distillery.api.tensor.TensorData;
import io.distillery.runner.config.ConfigLoader;
import io.distillery.runner.io.RunDirectory;
import io.distillery.runner.io.Safetensors;
import io.distillery.runner.train.PhaseContext;
import io.distillery.runner.train.Results;
import io.distillery.runner.train.RunState;
import io.distillery.runner.train.TeacherCache;
import io.distillery.runner.train.TrainSettings;

/**
 * One experiment: resolves every named service of the config before anything is written, opens the data, then
 * runs the phases — the teacher (loaded from a checkpoint or trained with labels), the baseline student (labels
 * only) and the distilled student (the configured strategy) — and writes the summary. Resuming replays the same
 * phases; stages finished before the stop load their checkpoints instead of training.
 */
final class Experiment {
    private static final String BASELINE = "baseline";

    private final ExperimentRunner services;
    private final RunSpec spec;
    private final List<Module> built = new ArrayList<>();

    Experiment(ExperimentRunner services, RunSpec spec) {
        this.services = services;
        this.spec = spec;
    }

    Experiments.Result start() throws IOException {
        check();
        String name = spec.find("name").map(Object::toString).orElse(spec.string("strategy.name"));
        RunDirectory dir = RunDirectory.create(Path.of(spec.string("output")), name);
        dir.writeConfig(ConfigLoader.dump(spec));
        return execute(dir);
    }

    Experiments.Result resume(RunDirectory dir) {
        check();
        return execute(dir);
    }

    // every name the config uses must resolve before the run writes anything
    private void check() {
        services.datasets.get(spec.string("dataset.name"), "dataset.name");
        services.models.get(spec.string("student.model.name"), "student.model.name");
        ParameterCheck.check(services.strategies.get(spec.string("strategy.name"), "strategy.name"), spec, section("strategy"),
                services.lossTerms);
        boolean teacher = spec.find("teacher").isPresent();
        if (teacher) {
            services.models.get(spec.string("teacher.model.name"), "teacher.model.name");
            Optional<Object> checkpoint = spec.find("teacher.checkpoint");
            if (checkpoint.isPresent() && !Files.isRegularFile(Path.of(checkpoint.get().toString()))) {
                throw new IllegalArgumentException("config key 'teacher.checkpoint': file " + checkpoint.get() + " does not exist");
            }
        }
        if (spec.find("baseline").map(Boolean.TRUE::equals).orElse(true) || teacher && spec.find("teacher.checkpoint").isEmpty()) {
            services.strategies.get(BASELINE, "strategy.name (the baseline and teacher phases train with it)");
        }
        List<?> ts = (List<?>) spec.find("dataset.transforms").orElse(List.of());
        for (int i = 0; i < ts.size(); i++) {
            services.transforms.get(((Map<?, ?>) ts.get(i)).get("name").toString(), "dataset.transforms[" + i + "].name");
        }
        spec.find("backend").ifPresent(b -> services.backends.use(b.toString()));
    }

    private Experiments.Result execute(RunDirectory dir) {
        RunInfo info = new RunInfo(dir.id(), dir.path(), spec);
        RunState run = prepare(info, dir);
        services.listeners.runStarted(info);
        try {
            Map<String, Metrics> summary = new LinkedHashMap<>();
            Module teacher = teacher(run, summary);
            TeacherCache cache = teacher == null ? null : TeacherCache.forRun(teacher, run);
            if (spec.find("baseline").map(Boolean.TRUE::equals).orElse(true)) {
                summary.put(BASELINE, phase(run, BASELINE, Map.of("name", BASELINE), teacher, cache, dir, summary));
            }
            summary.put("student", phase(run, "student", section("strategy"), teacher, cache, dir, summary));
            dir.writeSummary(summary);
            services.listeners.runFinished(info, summary);
            return new Experiments.Result(info, summary);
        } catch (RunFailedException e) {
            services.listeners.runFailed(info, e);
            throw e;
        } catch (IOException | RuntimeException e) {
            services.listeners.runFailed(info, e);
            throw new RunFailedException("run " + info.id() + " failed: " + e.getMessage() + ". Everything written so far is kept in "
                    + dir.path() + "; resume with --resume " + dir.path(), dir.path(), e);
        } finally {
            for (Module m : built) {
                m.namedParameters().values().forEach(Parameter::release);
                m.namedBuffers().values().forEach(Parameter::release);
            }
        }
    }

    private RunState prepare(RunInfo info, RunDirectory dir) {
        String location = spec.find("dataset.path").map(Object::toString).orElse(null);
        DataSplits data;
        try {
            data = services.datasets.get(spec.string("dataset.name"), "dataset.name")
                    .open(location == null ? null : Path.of(location), section("dataset.options"));
        } catch (IOException e) {
            throw new IllegalArgumentException("dataset '" + spec.string("dataset.name") + "': " + e.getMessage(), e);
        }
        long seed = spec.integer("seed");
        double validation = spec.number("dataset.validation");
        Dataset train = data.train();
        Dataset val = null;
        if (validation > 0) {
            Partition p = validation < 1 ? services.pipeline.holdOut(train, validation, seed)
                    : services.pipeline.holdOut(train, (int) validation, seed);
            train = p.first();
            val = p.second();
        }
        int limit = (int) spec.integer("dataset.train_examples");
        if (limit > 0 && limit < train.size()) {
            // a random subset, for quick experiments and small-data studies
            train = services.pipeline.holdOut(train, limit, seed + 1).second();
        }
        return new RunState(info, dir, seed, services.tensors, services.layers, services.optimizers, services.pipeline,
                train, val, data.test(), transforms(), services.listeners, services.lossTerms);
    }

    private List<Transform> transforms() {
        List<Transform> out = new ArrayList<>();
        List<?> ts = (List<?>) spec.find("dataset.transforms").orElse(List.of());
        for (int i = 0; i < ts.size(); i++) {
            Map<String, Object> options = new LinkedHashMap<>(mapOf(ts.get(i)));
            String name = options.remove("name").toString();
            out.add(services.transforms.get(name, "dataset.transforms[" + i + "].name").create(options));
        }
        return out;
    }

    private Module teacher(RunState run, Map<String, Metrics> summary) throws IOException {
        if (spec.find("teacher").isEmpty()) {
            return null;
        }
        SeededRandom random = new SeededRandom(run.seed() ^ "teacher".hashCode());
        Module teacher = build("teacher.model", run, random);
        Optional<Object> checkpoint = spec.find("teacher.checkpoint");
        if (checkpoint.isPresent()) {
            Map<String, TensorData> state = new LinkedHashMap<>();
            Safetensors.read(Path.of(checkpoint.get().toString())).tensors()
                    .forEach((k, v) -> state.put(k.startsWith("model.") ? k.substring(6) : k, v));
            teacher.loadStateDict(state);
        } else {
            String path = spec.find("teacher.train").isPresent() ? "teacher.train" : "train";
            PhaseContext ctx = new PhaseContext(run, "teacher", Map.of("name", BASELINE), "strategy", null, teacher, random,
                    TrainSettings.of(section(path), path), null);
            runStrategy(BASELINE, ctx, run);
        }
        teacher.namedParameters().values().forEach(p -> p.setTrainable(false));
        teacher.setTraining(false);
        summary.put("teacher", Results.of(teacher, run, evalBatch()));
        return teacher;
    }

    private Metrics phase(RunState run, String phase, Map<String, Object> strategy, Module teacher, TeacherCache cache,
            RunDirectory dir, Map<String, Metrics> summary) throws IOException {
        // the baseline and the distilled student start from the same weights, so the comparison is fair
        SeededRandom random = new SeededRandom(run.seed() ^ "student".hashCode());
        Module student = build("student.model", run, random);
        PhaseContext ctx = new PhaseContext(run, phase, strategy, "strategy", teacher, student, random,
                TrainSettings.of(section("train"), "train"), cache);
        runStrategy(strategy.get("name").toString(), ctx, run);
        Metrics result = Results.of(student, run, evalBatch());
        Map<String, Metrics> partial = new LinkedHashMap<>(summary);
        partial.put(phase, result);
        dir.writeSummary(partial);
        return result;
    }

    private void runStrategy(String name, PhaseContext ctx, RunState run) {
        DistillationStrategy strategy = services.strategies.get(name, "strategy.name");
        try {
            strategy.run(ctx);
        } catch (RunFailedException | IllegalArgumentException e) {
            throw e;
        } catch (Exception e) {
            throw new RunFailedException("strategy '" + name + "' failed: " + e.getMessage(), run.directory().path(), e);
        }
    }

    private int evalBatch() {
        return (int) spec.integer("train.eval_batch");
    }

    private Module build(String key, RunState run, SeededRandom random) {
        Map<String, Object> options = new LinkedHashMap<>(section(key));
        String name = options.remove("name").toString();
        Module m = services.models.get(name, key + ".name").create(new ModelSpec(name, options), run.inputShape(),
                run.classes(), services.layers.withRandom(random));
        built.add(m);
        return m;
    }

    private Map<String, Object> section(String key) {
        return spec.find(key).map(Experiment::mapOf).orElse(Map.of());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> mapOf(Object o) {
        return (Map<String, Object>) o;
    }
}
