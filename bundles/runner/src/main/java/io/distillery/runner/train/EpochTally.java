package io.distillery.runner.train;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.distillery.api.data.Batch;
import io.distillery.api.run.Metrics;
import io.distillery.api.tensor.Tensor;

/** Sums one epoch's losses, examples and correct training predictions into the epoch's metrics. */
final class EpochTally {
    private final Map<String, Double> sums = new LinkedHashMap<>();
    private int steps;
    private long examples;
    private long scored;
    private long correct;

    /**
     * @param batch the step's batch
     * @param losses the step's loss terms and total
     * @param output the trained model's last output in the step, or {@code null}
     * @param classes the number of classes
     */
    void step(Batch batch, Metrics losses, Tensor output, int classes) {
        steps++;
        examples += batch.size();
        losses.values().forEach((k, v) -> sums.merge(k, v, Double::sum));
        if (output != null && output.rank() == 2 && output.dim(0) == batch.size() && output.dim(1) == classes) {
            scored += batch.size();
            correct += Math.round(output.argmax(-1).eq(batch.labels()).sum().item());
        }
    }

    Metrics metrics(double learningRate, double seconds, Duration waited) {
        Metrics m = Metrics.empty();
        if (sums.containsKey("loss")) {
            m = m.with("loss", sums.get("loss") / steps);
        }
        for (Map.Entry<String, Double> e : sums.entrySet()) {
            if (!e.getKey().equals("loss")) {
                m = m.with(e.getKey(), e.getValue() / steps);
            }
        }
        if (scored > 0) {
            m = m.with("train_accuracy", (double) correct / scored);
        }
        return m.with("samples_per_s", examples / seconds).with("learning_rate", learningRate)
                .with("data_wait_s", waited.toNanos() / 1e9);
    }
}
