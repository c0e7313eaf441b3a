package io.distillery.runner;

import java.util.List;

import io.distillery.api.distill.DistillationStrategy;
import io.distillery.api.nn.Layers;
import io.distillery.api.nn.ModelFactory;
import io.distillery.api.nn.ModelSpec;
import io.distillery.api.nn.Sequential;
import io.distillery.api.tensor.Activation;
import io.distillery.api.tensor.Losses;
import io.distillery.api.tensor.Shape;
import io.distillery.api.tensor.Tensor;
import io.distillery.api.backend.Backend;
import io.distillery.backend.jvm.JvmBackend;
import io.distillery.data.StandardPipeline;
import io.distillery.data.transform.GaussianNoiseProvider;
import io.distillery.dataset.synthetic.SyntheticProvider;
import io.distillery.engine.core.Engine;
import io.distillery.engine.core.EngineTensors;
import io.distillery.engine.nn.StandardLayers;
import io.distillery.engine.optim.StandardOptimizers;
import io.distillery.strategy.baseline.Baseline;

/**
 * The orchestrator wired by hand as the framework would wire it: the engine on the JVM backend, the data
 * pipeline, the synthetic data set, the Gaussian noise transform, a small {@code mlp} model factory, the baseline
 * strategy and a {@code kd}.
 */
final class LocalServices {
    static final JvmBackend BACKEND = new JvmBackend(Runtime.getRuntime().availableProcessors());

    final EngineTensors tensors;
    final ExperimentRunner runner;

    LocalServices() {
        this(BACKEND);
    }

    /** @param backend the engine's backend */
    LocalServices(Backend backend) {
        tensors = EngineTensors.on(new Engine(backend));
        StandardLayers layers = StandardLayers.on(tensors.engine());
        runner = new ExperimentRunner(tensors, layers, new StandardOptimizers(), tensors, new StandardPipeline(tensors));
        runner.datasets().put("synthetic", new SyntheticProvider());
        runner.models().put("mlp", MLP);
        runner.strategies().put("baseline", new Baseline());
        runner.strategies().put("kd", KD);
        runner.transforms().put("gaussian-noise", new GaussianNoiseProvider());
    }

    /** Hinton's loss at the temperature and weight the config gives, as the kd bundle computes it. */
    static final DistillationStrategy KD = ctx -> {
        record Params(double temperature, double alpha) {
        }
        Params p = ctx.parameters(Params.class);
        ctx.train(ctx.student(), batch -> {
            Tensor s = ctx.student().forward(batch.inputs());
            return ctx.term("ce", Losses.crossEntropy(s, batch.labels())).mul(1 - p.alpha())
                    .add(ctx.term("kd", Losses.softTargetKl(s, ctx.teacherLogits(batch), p.temperature())).mul(p.alpha()));
        });
    };

    /** A dense ReLU network: {@code hidden} sizes, optional {@code dropout}. */
    static final ModelFactory MLP = (ModelSpec spec, Shape input, int classes, Layers layers) -> {
        List<Integer> hidden = spec.intListOption("hidden", List.of(16));
        double dropout = spec.doubleOption("dropout", 0);
        Sequential net = layers.sequential().add("flat", layers.flatten());
        int in = input.size();
        for (int i = 0; i < hidden.size(); i++) {
            net.add("fc" + i, layers.linear(in, hidden.get(i), Activation.RELU));
            if (dropout > 0) {
                net.add("drop" + i, layers.dropout(dropout));
            }
            in = hidden.get(i);
        }
        return net.add("out", layers.linear(in, classes));
    };
}
