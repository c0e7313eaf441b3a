package io.distillery.data;

import java.util.Objects;

import io.distillery.api.data.DataPipeline;
import io.distillery.api.data.Dataset;
import io.distillery.api.data.Loader;
import io.distillery.api.data.LoaderOptions;
import io.distillery.api.data.Partition;
import io.distillery.api.tensor.Tensors;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The {@link DataPipeline} service: seeded splits as views, and loaders that prepare batches on a background
 * thread and make their tensors on the caller's.
 *
 * <p>The {@link Tensors} reference is dynamic and greedy, so a loader that outlives a change of the tensor
 * service makes its next batch with the new one.
 *
 * <pre>{@code
 * Partition p = pipeline.holdOut(train, 5_000, seed);            // p.first(): training, p.second(): validation
 * try (Loader loader = pipeline.loader(p.first(), LoaderOptions.training(128, seed))) { ... }
 * }</pre>
 */
@Component(service = DataPipeline.class)
public final class StandardPipeline implements DataPipeline {

    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile Tensors tensors;

    /** Made by Declarative Services, which then sets the tensor service. */
    public StandardPipeline() {}

    /** @param tensors the tensor service, for use outside a framework (tests, benchmarks) */
    public StandardPipeline(Tensors tensors) {
        this.tensors = Objects.requireNonNull(tensors, "tensors");
    }

    @Override
    public Dataset subset(Dataset source, int[] indices, String name) {
        return new IndexedView(source, indices, name);
    }

    @Override
    public Partition holdOut(Dataset source, int count, long seed) {
        return Splits.holdOut(source, count, seed);
    }

    @Override
    public Partition labelledPerClass(Dataset source, int perClass, long seed) {
        return Splits.labelledPerClass(source, perClass, seed);
    }

    @Override
    public Loader loader(Dataset dataset, LoaderOptions options) {
        return new BatchLoader(Objects.requireNonNull(dataset, "dataset"), options, this::currentTensors);
    }

    private Tensors currentTensors() {
        Tensors t = tensors;
        if (t == null) {
            throw new IllegalStateException("no Tensors service: the engine is not running");
        }
        return t;
    }
}
