package io.distillery.models;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.distillery.api.nn.Layers;
import io.distillery.api.nn.ModelFactory;
import io.distillery.api.nn.ModelSpec;
import io.distillery.api.nn.Module;
import io.distillery.api.tensor.Scope;
import io.distillery.api.tensor.Shape;
import io.distillery.api.tensor.Tensor;
import io.distillery.api.tensor.Tensors;
import io.distillery.backend.jvm.JvmBackend;
import io.distillery.engine.core.Engine;
import io.distillery.engine.core.EngineTensors;
import io.distillery.engine.nn.StandardLayers;

/**
 * The seven factories on an engine over the JVM backend, as the framework would wire them, and the two measures a
 * compression report takes of a model: parameters and multiply-accumulates.
 */
final class Zoo {
    // one backend for every test: its worker threads live as long as the test JVM; 2 like the machines tests share
    private static final JvmBackend BACKEND = new JvmBackend(2);
    private static final Map<String, ModelFactory> FACTORIES = Map.of(MlpFactory.NAME, new MlpFactory(),
            LeNet5Factory.NAME, new LeNet5Factory(), AlexNetSmallFactory.NAME, new AlexNetSmallFactory(),
            ResNetFactory.NAME, new ResNetFactory(), WideResNetFactory.NAME, new WideResNetFactory(),
            VggSmallFactory.NAME, new VggSmallFactory(), ConvNetFactory.NAME, new ConvNetFactory());

    final Tensors tensors;
    final Layers layers;

    Zoo() {
        Engine engine = new Engine(BACKEND);
        tensors = EngineTensors.on(engine);
        layers = StandardLayers.on(engine);
    }

    /**
     * @param name the model's name
     * @param options its options
     * @param input one example's shape
     * @param classes outputs
     * @return the model from the factory of that name, with the layers' default seed
     */
    Module create(String name, Map<String, Object> options, Shape input, int classes) {
        return create(name, options, input, classes, layers);
    }

    /**
     * @param name the model's name
     * @param options its options
     * @param input one example's shape
     * @param classes outputs
     * @param layers where to get layers, bound to a generator
     * @return the model from the factory of that name
     */
    static Module create(String name, Map<String, Object> options, Shape input, int classes, Layers layers) {
        return FACTORIES.get(name).create(new ModelSpec(name, options), input, classes, layers);
    }

    /**
     * @param model a model
     * @return its trainable parameters, counted as papers count them (batch-norm statistics excluded)
     */
    static long parameters(Module model) {
        return model.namedParameters().values().stream().mapToLong(Tensor::size).sum();
    }

    /**
     * Counts multiply-accumulates with a dry forward pass of one zero example, summing {@link Module#macs} over
     * every module through forward hooks. The pass runs in evaluation mode and without gradients, so that it
     * changes no batch-norm statistics and records no tape; the model's mode is restored after.
     *
     * @param model a model
     * @param example one example's shape
     * @return the multiply-accumulates of one forward pass of one example
     */
    @SuppressWarnings("try") // the scope only bounds the lifetime of the tensors made inside
    long macs(Module model, Shape example) throws Exception {
        boolean training = model.isTraining();
        long[] total = {0};
        List<AutoCloseable> hooks = new ArrayList<>();
        model.namedModules().values().forEach(m -> hooks.add(
                m.addForwardHook((self, in, out) -> total[0] += self.macs(in.shape(), out.shape()))));
        model.setTraining(false);
        try (Scope s = tensors.scope(); AutoCloseable off = tensors.noGrad()) {
            model.forward(tensors.zeros(batch(1, example)));
        } finally {
            for (AutoCloseable hook : hooks) {
                hook.close();
            }
            model.setTraining(training);
        }
        return total[0];
    }

    /**
     * @param size examples in the batch
     * @param example one example's shape
     * @return the batch's shape
     */
    static Shape batch(int size, Shape example) {
        int[] dims = new int[example.rank() + 1];
        dims[0] = size;
        System.arraycopy(example.toArray(), 0, dims, 1, example.rank());
        return Shape.of(dims);
    }
}
