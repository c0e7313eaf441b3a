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
 * One experiment: resolves every named service of the config, opens the data and starts the strategy once on
 * untrained models (a dry run that ends at its first training call), so that bad names, settings and taps fail
 * before anything is written; then runs the phases — the teacher (loaded from a checkpoint or trained with labels),
 * the baseline student (labels only) and the distilled student (the configured strategy) — and writes the summary.
 * Resuming replays the same phases; stages finished before the stop load their checkpoints instead of training.
 */
final class Experiment {
    private static final String BASELINE = "baseline";

    private final ExperimentRunner services;
    private final RunSpec spec;
    private final List<Module> built = new ArrayList<>();

    /**
     * The examples a run uses, after the validation split and the subsets asked for, with the students' training
     * transforms and the teacher's ({@code teacher.transforms}, the students' when not set).
     */
    private record Data(Dataset train, Dataset validation, Dataset test, List<Transform> transforms,
            List<Transform> teacherTransforms) {
    }

    Experiment(ExperimentRunner services, RunSpec spec) {
        this.services = services;
        this.spec = spec;
    }

    Experiments.Result start() throws IOException {
        Data data = prepare();
        String name = spec.find("name").map(Object::toString).orElse(spec.string("strategy.name"));
        RunDirectory dir = RunDirectory.create(Path.of(spec.string("output")), name);
        dir.writeConfig(ConfigLoader.dump(spec));
        return execute(dir, data);
    }

    Experiments.Result resume(RunDirectory dir) {
        return execute(dir, prepare());
    }

    // everything that can fail because of the config fails here, before the run writes anything
    private Data prepare() {
        services.datasets.get(spec.string("dataset.name"), "dataset.name");
        services.models.get(spec.string("student.model.name"), "student.model.name");
        DistillationStrategy strategy = services.strategies.get(spec.string("strategy.name"), "strategy.name");
        boolean teacher = spec.find("teacher").isPresent();
        if (teacher) {
            services.models.get(spec.string("teacher.model.name"), "teacher.model.name");
            Optional<Object> checkpoint = spec.find("teacher.checkpoint");
            if (checkpoint.isPresent() && !Files.isRegularFile(Path.of(checkpoint.get().toString()))) {
                throw new IllegalArgumentException("config key 'teacher.checkpoint': file " + checkpoint.get() + " does not exist");
            }
        }
        if (baseline() || teacher && spec.find("teacher.checkpoint").isEmpty()) {
            services.strategies.get(BASELINE, "strategy.name (the baseline and teacher phases train with it)");
        }
        spec.find("backend").ifPresent(b -> services.backends.use(b.toString()));
        Data data = open();
        dryRun(strategy, data);
        return data;
    }

    private boolean baseline() {
        return spec.find("baseline").map(Boolean.TRUE::equals).orElse(true);
    }

    private Data open() {
        String location = spec.find("dataset.path").map(Object::toString).orElse(null);
        DataSplits splits;
        try {
            splits = services.datasets.get(spec.string("dataset.name"), "dataset.name")
                    .open(location == null ? null : Path.of(location), section("dataset.options"));
        } catch (IOException e) {
            throw new IllegalArgumentException("dataset '" + spec.string("dataset.name") + "': " + e.getMessage(), e);
        }
        long seed = spec.integer("seed");
        double validation = spec.number("dataset.validation");
        Dataset train = splits.train();
        Dataset val = null;
        if (validation > 0) {
            Partition p = validation < 1 ? services.pipeline.holdOut(train, validation, seed)
                    : services.pipeline.holdOut(train, (int) validation, seed);
            train = p.first();
            val = p.second();
        }
        // random subsets, for quick experiments and small-data studies
        train = subset(train, (int) spec.integer("dataset.train_examples"), seed + 1);
        Dataset test = subset(splits.test(), (int) spec.integer("dataset.test_examples"), seed + 2);
        List<Transform> transforms = transforms("dataset.transforms");
        List<Transform> teacherTransforms = spec.find("teacher.transforms").isPresent()
                ? transforms("teacher.transforms") : transforms;
        return new Data(train, val, test, transforms, teacherTransforms);
    }

    private Dataset subset(Dataset d, int limit, long seed) {
        return limit > 0 && limit < d.size() ? services.pipeline.holdOut(d, limit, seed).second() : d;
    }

    // the strategy, started on untrained models, checks its settings and taps and stops at its first training call
    private void dryRun(DistillationStrategy strategy, Data data) {
        RunInfo info = new RunInfo("check", Path.of(spec.string("output")), spec);
        RunState run = state(info, null, data);
        Module teacher = spec.find("teacher").isPresent() ? build("teacher.model", run, new SeededRandom(0)) : null;
        Module student = build("student.model", run, new SeededRandom(0));
        try (PhaseContext ctx = new PhaseContext(run, "student", section("strategy"), "strategy", teacher, student,
                new SeededRandom(0), TrainSettings.of(section("train"), "train"),
                teacher == null ? null : TeacherCache.off(teacher, run), true)) {
            strategy.run(ctx);
        } catch (PhaseContext.DryRunEnd | IllegalArgumentException e) {
            if (e instanceof IllegalArgumentException iae) {
                throw iae;
            }
        } catch (Exception e) {
            // anything else belongs to the real run, which reports it with the run's context
        } finally {
            release(teacher);
            release(student);
        }
    }

    private RunState state(RunInfo info, RunDirectory dir, Data data) {
        return new RunState(info, dir, spec.integer("seed"), services.tensors, services.layers, services.optimizers,
                services.pipeline, data.train(), data.validation(), data.test(), data.transforms(), services.listeners,
                services.lossTerms);
    }

    private Experiments.Result execute(RunDirectory dir, Data data) {
        RunInfo info = new RunInfo(dir.id(), dir.path(), spec);
        RunState run = state(info, dir, data);
        services.listeners.runStarted(info);
        try {
            Map<String, Metrics> summary = new LinkedHashMap<>();
            Module teacher = teacher(run.withTransforms(data.teacherTransforms()), summary);
            TeacherCache cache = teacher == null ? null : TeacherCache.forRun(teacher, run);
            if (baseline()) {
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
            built.forEach(Experiment::release);
        }
    }

    private List<Transform> transforms(String key) {
        List<Transform> out = new ArrayList<>();
        List<?> ts = (List<?>) spec.find(key).orElse(List.of());
        for (int i = 0; i < ts.size(); i++) {
            Map<String, Object> options = new LinkedHashMap<>(mapOf(ts.get(i)));
            String name = options.remove("name").toString();
            out.add(services.transforms.get(name, key + "[" + i + "].name").create(options));
        }
        return out;
    }

    private Module teacher(RunState run, Map<String, Metrics> summary) throws IOException {
        if (spec.find("teacher").isEmpty()) {
            return null;
        }
        SeededRandom random = new SeededRandom(run.seed() ^ "teacher".hashCode());
        Module teacher = build("teacher.model", run, random);
        built.add(teacher);
        Optional<Object> checkpoint = spec.find("teacher.checkpoint");
        if (checkpoint.isPresent()) {
            teacher.loadStateDict(modelState(Path.of(checkpoint.get().toString())));
        } else {
            String path = spec.find("teacher.train").isPresent() ? "teacher.train" : "train";
            try (PhaseContext ctx = new PhaseContext(run, "teacher", Map.of("name", BASELINE), "strategy", null, teacher, random,
                    TrainSettings.of(section(path), path), null, false)) {
                runStrategy(BASELINE, ctx, run);
            }
        }
        teacher.namedParameters().values().forEach(p -> p.setTrainable(false));
        teacher.setTraining(false);
        summary.put("teacher", Results.of(teacher, run, evalBatch()));
        return teacher;
    }

    // a model file, or a run's checkpoint whose model entries carry the "model." prefix next to optimizer state
    private static Map<String, TensorData> modelState(Path file) throws IOException {
        Map<String, TensorData> all = Safetensors.read(file).tensors();
        boolean checkpoint = all.keySet().stream().anyMatch(k -> k.startsWith("model."));
        Map<String, TensorData> state = new LinkedHashMap<>();
        all.forEach((k, v) -> {
            if (!checkpoint) {
                state.put(k, v);
            } else if (k.startsWith("model.")) {
                state.put(k.substring("model.".length()), v);
            }
        });
        return state;
    }

    private Metrics phase(RunState run, String phase, Map<String, Object> strategy, Module teacher, TeacherCache cache,
            RunDirectory dir, Map<String, Metrics> summary) throws IOException {
        // the baseline and the distilled student start from the same weights, so the comparison is fair
        SeededRandom random = new SeededRandom(run.seed() ^ "student".hashCode());
        Module student = build("student.model", run, random);
        built.add(student);
        try (PhaseContext ctx = new PhaseContext(run, phase, strategy, "strategy", teacher, student, random,
                TrainSettings.of(section("train"), "train"), cache, false)) {
            runStrategy(strategy.get("name").toString(), ctx, run);
        }
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
        return services.models.get(name, key + ".name").create(new ModelSpec(name, options), run.inputShape(),
                run.classes(), services.layers.withRandom(random));
    }

    private static void release(Module m) {
        if (m != null) {
            m.namedParameters().values().forEach(Parameter::release);
            m.namedBuffers().values().forEach(Parameter::release);
        }
    }

    private Map<String, Object> section(String key) {
        return spec.find(key).map(Experiment::mapOf).orElse(Map.of());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> mapOf(Object o) {
        return (Map<String, Object>) o;
    }
}
