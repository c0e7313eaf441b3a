package io.distillery.runner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.distillery.api.backend.Backends;
import io.distillery.api.data.DataPipeline;
import io.distillery.api.data.DatasetProvider;
import io.distillery.api.data.TransformProvider;
import io.distillery.api.distill.DistillationStrategy;
import io.distillery.api.distill.LossTermProvider;
import io.distillery.api.nn.Layers;
import io.distillery.api.nn.ModelFactory;
import io.distillery.api.nn.Optimizers;
import io.distillery.api.run.Experiments;
import io.distillery.api.run.RunListener;
import io.distillery.api.run.RunRequest;
import io.distillery.api.run.RunSpec;
import io.distillery.api.tensor.Tensors;
import io.distillery.runner.config.ConfigLoader;
import io.distillery.runner.io.RunDirectory;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The run orchestrator: the {@link Experiments} service. It tracks the data sets, models, strategies, transforms
 * and run listeners registered by name, and runs each experiment with them (see {@link Experiment}).
 */
@Component(service = Experiments.class)
public final class ExperimentRunner implements Experiments {
    final Tensors tensors;
    final Layers layers;
    final Optimizers optimizers;
    final Backends backends;
    final DataPipeline pipeline;
    final Registry<DatasetProvider> datasets = new Registry<>("dataset", "datasets", DatasetProvider.NAME);
    final Registry<ModelFactory> models = new Registry<>("model", "models", ModelFactory.NAME);
    final Registry<DistillationStrategy> strategies = new Registry<>("strategy", "strategies", DistillationStrategy.NAME);
    final Registry<TransformProvider> transforms = new Registry<>("transform", "transforms", TransformProvider.NAME);
    final Registry<LossTermProvider> lossTerms = new Registry<>("loss term", "loss terms", LossTermProvider.NAME);
    final Listeners listeners = new Listeners();

    /**
     * @param tensors the tensor service
     * @param layers the layer service
     * @param optimizers the optimizer service
     * @param backends the backend selection
     * @param pipeline the data pipeline
     */
    @Activate
    public ExperimentRunner(@Reference Tensors tensors, @Reference Layers layers, @Reference Optimizers optimizers,
            @Reference Backends backends, @Reference DataPipeline pipeline) {
        this.tensors = tensors;
        this.layers = layers;
        this.optimizers = optimizers;
        this.backends = backends;
        this.pipeline = pipeline;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, unbind = "removeDataset")
    void addDataset(DatasetProvider provider, Map<String, Object> properties) {
        datasets.add(provider, properties);
    }

    void removeDataset(DatasetProvider provider, Map<String, Object> properties) {
        datasets.remove(provider, properties);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, unbind = "removeModel")
    void addModel(ModelFactory factory, Map<String, Object> properties) {
        models.add(factory, properties);
    }

    void removeModel(ModelFactory factory, Map<String, Object> properties) {
        models.remove(factory, properties);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, unbind = "removeStrategy")
    void addStrategy(DistillationStrategy strategy, Map<String, Object> properties) {
        strategies.add(strategy, properties);
    }

    void removeStrategy(DistillationStrategy strategy, Map<String, Object> properties) {
        strategies.remove(strategy, properties);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, unbind = "removeTransform")
    void addTransform(TransformProvider provider, Map<String, Object> properties) {
        transforms.add(provider, properties);
    }

    void removeTransform(TransformProvider provider, Map<String, Object> properties) {
        transforms.remove(provider, properties);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, unbind = "removeLossTerm")
    void addLossTerm(LossTermProvider provider, Map<String, Object> properties) {
        lossTerms.add(provider, properties);
    }

    void removeLossTerm(LossTermProvider provider, Map<String, Object> properties) {
        lossTerms.remove(provider, properties);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, unbind = "removeListener")
    void addListener(RunListener listener) {
        listeners.add(listener);
    }

    void removeListener(RunListener listener) {
        listeners.remove(listener);
    }

    /** @return the registries and listeners, for use outside a framework (tests, benchmarks) */
    public Registry<DatasetProvider> datasets() {
        return datasets;
    }

    /** @return the model factories by name */
    public Registry<ModelFactory> models() {
        return models;
    }

    /** @return the strategies by name */
    public Registry<DistillationStrategy> strategies() {
        return strategies;
    }

    /** @return the transform providers by name */
    public Registry<TransformProvider> transforms() {
        return transforms;
    }

    /** @return the loss-term providers by name */
    public Registry<LossTermProvider> lossTerms() {
        return lossTerms;
    }

    /** @param listener a listener to hear every run, for use outside a framework */
    public void listen(RunListener listener) {
        listeners.add(listener);
    }

    @Override
    public RunSpec configure(Path config, List<String> overrides) throws IOException {
        return ConfigLoader.load(config, overrides);
    }

    @Override
    public Result run(RunRequest request) {
        try {
            if (request.resumeFrom().isPresent()) {
                RunDirectory dir = RunDirectory.open(request.resumeFrom().get());
                RunSpec stored = ConfigLoader.load(dir.config(), List.of());
                return new Experiment(this, stored).resume(dir);
            }
            return new Experiment(this, request.spec()).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
