package io.distillery.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.distillery.api.distill.DistillationStrategy;
import io.distillery.api.distill.LossTermProvider;
import io.distillery.api.run.Experiments;
import io.distillery.api.run.RunRequest;
import io.distillery.backend.jvm.JvmBackend;
import io.distillery.data.StandardPipeline;
import io.distillery.data.transform.TranslateProvider;
import io.distillery.dataset.mnist.MnistProvider;
import io.distillery.dataset.synthetic.SyntheticProvider;
import io.distillery.engine.core.Engine;
import io.distillery.engine.core.EngineTensors;
import io.distillery.engine.nn.StandardLayers;
import io.distillery.engine.optim.StandardOptimizers;
import io.distillery.models.LeNet5Factory;
import io.distillery.models.MlpFactory;
import io.distillery.models.ResNetFactory;
import io.distillery.runner.ExperimentRunner;
import io.distillery.strategy.baseline.Baseline;
import io.distillery.strategy.baseline.CrossEntropyTerm;

/**
 * Distillery wired by hand, as the framework wires it, for a strategy's tests in plain JUnit: the engine on the
 * JVM backend, the data pipeline with the {@code translate} transform, the {@code mnist} (embedded) and
 * {@code synthetic} data sets, the {@code mlp}, {@code lenet5} and {@code resnet} models, the {@code baseline}
 * strategy and its {@code ce} loss term, and the strategies and terms under test.
 *
 * <pre>{@code
 * LocalDistillery d = new LocalDistillery(tmp).strategy("kd", new SoftTargets());
 * Experiments.Result r = d.run(yaml, "train.epochs=3");
 * }</pre>
 */
public final class LocalDistillery {
    private static final JvmBackend BACKEND = new JvmBackend(Runtime.getRuntime().availableProcessors());

    private final ExperimentRunner runner;
    private final Path folder;

    /** @param folder where configs and runs go */
    public LocalDistillery(Path folder) {
        this.folder = folder;
        EngineTensors tensors = new EngineTensors(new Engine(BACKEND));
        runner = new ExperimentRunner(tensors, new StandardLayers(tensors.engine()), new StandardOptimizers(), tensors,
                new StandardPipeline(tensors));
        runner.datasets().put("mnist", new MnistProvider());
        runner.datasets().put("synthetic", new SyntheticProvider());
        runner.transforms().put("translate", new TranslateProvider());
        runner.models().put("mlp", new MlpFactory());
        runner.models().put("lenet5", new LeNet5Factory());
        runner.models().put("resnet", new ResNetFactory());
        runner.strategies().put("baseline", new Baseline());
        runner.lossTerms().put("ce", new CrossEntropyTerm());
    }

    /**
     * @param name the term's {@code loss.name}
     * @param provider a loss-term provider under test
     * @return this
     */
    public LocalDistillery lossTerm(String name, LossTermProvider provider) {
        runner.lossTerms().put(name, provider);
        return this;
    }

    /**
     * @param name the strategy's {@code strategy.name}
     * @param strategy the strategy under test
     * @return this
     */
    public LocalDistillery strategy(String name, DistillationStrategy strategy) {
        runner.strategies().put(name, strategy);
        return this;
    }

    /**
     * A small real task for a strategy's direction test: 3,000 MNIST training examples, a 784-400-400-10 teacher
     * with dropout, a 784-30-10 student, 12 epochs of SGD with momentum and a cosine schedule, seed 7 (about half
     * a minute on 2 cores). On it the baseline student makes 841 test errors of 10,000 and the teacher 573.
     *
     * @param strategy the strategy section as one line of YAML, e.g. {@code {name: kd, temperature: 8}}
     * @return the config
     */
    public static String smallMnist(String strategy) {
        return """
                seed: 7
                dataset: {name: mnist, train_examples: 3000}
                teacher:
                  model: {name: mlp, hidden: [400, 400], dropout: 0.3}
                student:
                  model: {name: mlp, hidden: [30]}
                strategy: %s
                train:
                  epochs: 12
                  batch: 64
                  optimizer: {name: sgd, lr: 0.05, momentum: 0.9}
                  schedule: {name: cosine, min_factor: 0.05}
                """.formatted(strategy);
    }

    /**
     * Runs an experiment to the end.
     *
     * @param yaml the config
     * @param overrides {@code key.path=value} settings on top
     * @return the run and its summary by role
     */
    public Experiments.Result run(String yaml, String... overrides) {
        try {
            Path file = Files.createTempFile(folder, "config", ".yaml");
            Files.writeString(file, yaml);
            List<String> all = new ArrayList<>(List.of("output=" + folder.resolve("runs")));
            all.addAll(List.of(overrides));
            return runner.run(new RunRequest(runner.configure(file, all), Optional.empty()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
