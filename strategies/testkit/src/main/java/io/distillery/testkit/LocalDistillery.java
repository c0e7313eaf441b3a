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
import io.distillery.api.nn.Layers;
import io.distillery.api.run.Experiments;
import io.distillery.api.run.RunRequest;
import io.distillery.api.tensor.Tensors;
import io.distillery.backend.jvm.JvmBackend;
import io.distillery.data.StandardPipeline;
import io.distillery.data.transform.TranslateProvider;
import io.distillery.dataset.mnist.MnistProvider;
import io.distillery.dataset.synthetic.SyntheticProvider;
import io.distillery.engine.core.Engine;
import io.distillery.engine.core.EngineTensors;
import io.distillery.engine.nn.StandardLayers;
import io.distillery.engine.optim.StandardOptimizers;
import io.distillery.models.ConvNetFactory;
import io.distillery.models.LeNet5Factory;
import io.distillery.models.MlpFactory;
import io.distillery.models.ResNetFactory;
import io.distillery.runner.ExperimentRunner;
import io.distillery.strategy.baseline.Baseline;
import io.distillery.strategy.baseline.CrossEntropyTerm;

/**
 * Distillery wired by hand, as the framework wires it, for a strategy's tests in plain JUnit: the engine on the
 * JVM backend, the data pipeline with the {@code translate} transform, the {@code mnist} (embedded) and
 * {@code synthetic} data sets, the {@code mlp}, {@code lenet5}, {@code resnet} and {@code convnet} models, the
 * {@code baseline} strategy and its {@code ce} loss term, and the strategies and terms under test. Its static
 * {@link #tensors()} and {@link #layers()} serve tests of losses and helper modules outside a run.
 *
 * <pre>{@code
 * LocalDistillery d = new LocalDistillery(tmp).strategy("kd", new SoftTargets());
 * Experiments.Result r = d.run(yaml, "train.epochs=3");
 * }</pre>
 */
public final class LocalDistillery {
    private static final JvmBackend BACKEND = new JvmBackend(Runtime.getRuntime().availableProcessors());
    // the engine of tensors and layers used outside a run, as gradient checks use them
    private static final Engine STANDALONE = new Engine(BACKEND);

    private final ExperimentRunner runner;
    private final Path folder;

    /** @param folder where configs and runs go */
    public LocalDistillery(Path folder) {
        this.folder = folder;
        EngineTensors tensors = EngineTensors.on(new Engine(BACKEND));
        runner = new ExperimentRunner(tensors, StandardLayers.on(tensors.engine()), new StandardOptimizers(), tensors,
                new StandardPipeline(tensors));
        runner.datasets().put("mnist", new MnistProvider());
        runner.datasets().put("synthetic", new SyntheticProvider());
        runner.transforms().put("translate", new TranslateProvider());
        runner.models().put("mlp", new MlpFactory());
        runner.models().put("lenet5", new LeNet5Factory());
        runner.models().put("resnet", new ResNetFactory());
        runner.models().put("convnet", new ConvNetFactory());
        runner.strategies().put("baseline", new Baseline());
        runner.lossTerms().put("ce", new CrossEntropyTerm());
    }

    /** @return tensors on the kit's JVM backend, for checking losses outside a run ({@link GradientCheck}) */
    public static Tensors tensors() {
        return EngineTensors.on(STANDALONE);
    }

    /** @return layers on the engine of {@link #tensors()}, seeded with 0, for helper modules such as regressors */
    public static Layers layers() {
        return StandardLayers.on(STANDALONE);
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
     * A small real task for the direction tests of feature-based strategies: 1,000 MNIST training examples, a convnet
     * teacher ({@code conv1} 8x28x28, {@code pool1} 8x14x14, {@code conv2} 16x14x14, {@code pool2} 16x7x7; 9,098
     * parameters) trained for 6 epochs, and a thin, deep convnet student of six 3x3 convolutions ({@code conv1}
     * 4x28x28, {@code pool1} 4x14x14, {@code conv2} and {@code conv3} 4x14x14, {@code pool2} 4x7x7, {@code conv4}
     * 4x7x7, {@code conv5} 8x7x7, {@code pool3} 8x3x3, {@code conv6} 8x3x3; 2,094 parameters) trained for 6 epochs of
     * SGD with momentum at learning rate 0.02 and a cosine schedule, seed 7 (about 20 seconds on 2 cores for the three
     * phases). On it the teacher makes 636 test errors of 10,000 and the baseline student 1,916: at this budget the
     * thin student is far from trained, which is where guidance from the teacher's features shows.
     *
     * @param strategy the strategy section as one line of YAML, e.g. {@code {name: at, pairs: [...]}}
     * @return the config
     */
    public static String smallConvMnist(String strategy) {
        return """
                seed: 7
                dataset: {name: mnist, train_examples: 1000}
                teacher:
                  model: {name: convnet, channels: [8, 16], pool_after: [1, 2]}
                  train:
                    epochs: 6
                    batch: 50
                    optimizer: {name: sgd, lr: 0.05, momentum: 0.9}
                    schedule: {name: cosine, min_factor: 0.05}
                student:
                  model: {name: convnet, channels: [4, 4, 4, 4, 8, 8], pool_after: [1, 3, 5]}
                strategy: %s
                train:
                  epochs: 6
                  batch: 50
                  optimizer: {name: sgd, lr: 0.02, momentum: 0.9}
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

    /**
     * Runs an experiment that must be refused before it writes anything: a bad setting, name or tap.
     *
     * @param yaml the config
     * @param overrides {@code key.path=value} settings on top
     * @return the refusal
     * @throws AssertionError if the run was not refused, or wrote its folder before it was
     */
    public IllegalArgumentException refusal(String yaml, String... overrides) {
        try {
            run(yaml, overrides);
        } catch (IllegalArgumentException e) {
            if (Files.exists(folder.resolve("runs"))) {
                throw new AssertionError("the refused run wrote " + folder.resolve("runs"), e);
            }
            return e;
        }
        throw new AssertionError("the run was not refused");
    }

    /**
     * @param e an exception
     * @param fragments what its message must contain
     * @throws AssertionError naming the first fragment missing
     */
    public static void assertMentions(Exception e, String... fragments) {
        for (String f : fragments) {
            if (!e.getMessage().contains(f)) {
                throw new AssertionError("'" + f + "' missing from: " + e.getMessage());
            }
        }
    }
}
