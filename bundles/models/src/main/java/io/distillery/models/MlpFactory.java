package io.distillery.models;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.distillery.api.nn.Layers;
import io.distillery.api.nn.ModelFactory;
import io.distillery.api.nn.ModelSpec;
import io.distillery.api.nn.Module;
import io.distillery.api.tensor.Activation;
import io.distillery.api.tensor.Shape;

import org.osgi.service.component.annotations.Component;

/**
 * The {@code mlp} model: a fully connected network on the flattened input, with dropout on the input and on
 * every hidden layer as in Srivastava et al., "Dropout: A Simple Way to Prevent Neural Networks from Overfitting"
 * (JMLR 2014), the teacher and student of Hinton, Vinyals and Dean, "Distilling the Knowledge in a Neural
 * Network" (2015). The Hinton MNIST teacher is {@code {name: mlp, hidden: [1200, 1200], dropout: 0.5,
 * input_dropout: 0.2}} (2,395,210 parameters), the student {@code {name: mlp, hidden: [800, 800]}} (1,276,810).
 *
 * <p>Options: {@code hidden} (the hidden layer sizes, default {@code [800, 800]}; {@code []} gives a linear
 * classifier), {@code activation} ({@code relu}, the default, {@code tanh}, {@code sigmoid} or
 * {@code leaky-relu} with slope 0.01), {@code dropout} (on each hidden layer's output, default 0),
 * {@code input_dropout} (on the input, default 0). Takes any input shape.
 *
 * <p>Top-level paths: {@code flatten}; for each hidden layer {@code k} from 1, {@code drop<k>} (dropout on its
 * input: {@code input_dropout} for {@code k = 1}, {@code dropout} after; only when above 0), {@code fc<k>} (its
 * activations; with {@code leaky-relu} its pre-activations, followed by {@code act<k>}); then {@code drop<n+1>}
 * (when {@code dropout}, or {@code input_dropout} without hidden layers, is above 0) and {@code head}.
 */
@Component(property = {ModelFactory.NAME + "=" + MlpFactory.NAME,
        ModelFactory.DESCRIPTION + "=Fully connected network with input and hidden dropout (Hinton et al. 2015 teacher and student)"})
public final class MlpFactory implements ModelFactory {
    static final String NAME = "mlp";
    private static final Map<String, Activation> ACTIVATIONS = Map.of("relu", Activation.RELU, "tanh", Activation.TANH,
            "sigmoid", Activation.SIGMOID, "leaky-relu", Activation.LEAKY_RELU);

    @Override
    public Module create(ModelSpec spec, Shape inputShape, int classes, Layers layers) {
        Options o = Options.of(NAME, spec, "hidden", "activation", "dropout", "input_dropout");
        List<Integer> hidden = o.integers("hidden", List.of(800, 800), 1);
        Activation activation = o.choice("activation", "relu", ACTIVATIONS);
        double dropout = o.probability("dropout", 0);
        double inputDropout = o.probability("input_dropout", 0);
        if (inputShape == null || inputShape.rank() == 0 || inputShape.size() == 0) {
            throw new IllegalArgumentException("model '" + NAME + "' needs a non-empty input shape, got " + inputShape);
        }
        int in = inputShape.size();
        Network net = new Network(NAME, describe(in, hidden, classes, activation, inputDropout, dropout), classes)
                .add("flatten", layers.flatten());
        for (int k = 1; k <= hidden.size(); k++) {
            DenseLayers.add(net, layers, k, in, hidden.get(k - 1), k == 1 ? inputDropout : dropout, activation);
            in = hidden.get(k - 1);
        }
        double last = hidden.isEmpty() ? inputDropout : dropout;
        if (last > 0) {
            net.add("drop" + (hidden.size() + 1), layers.dropout(last));
        }
        return net.addHead(layers, in);
    }

    private static String describe(int in, List<Integer> hidden, int classes, Activation activation, double inputDropout,
            double dropout) {
        String sizes = Stream.concat(Stream.concat(Stream.of(in), hidden.stream()), Stream.of(classes))
                .map(String::valueOf).collect(Collectors.joining("-"));
        return NAME + " " + sizes + " (" + activation.name().toLowerCase(Locale.ROOT).replace('_', '-')
                + (inputDropout > 0 ? ", input dropout " + inputDropout : "") + (dropout > 0 ? ", dropout " + dropout : "")
                + ")";
    }
}
