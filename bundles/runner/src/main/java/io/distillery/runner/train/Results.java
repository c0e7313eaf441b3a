package io.distillery.runner.train;

import io.distillery.api.nn.Module;
import io.distillery.api.run.Metrics;

/** A trained model's line in the run summary: test accuracy and errors, and what it costs. */
public final class Results {
    private Results() {
    }

    /**
     * @param model the trained model
     * @param run the run
     * @param evalBatch examples per evaluation batch
     * @return {@code test_accuracy}, {@code test_errors}, {@code params}, {@code macs}, {@code bytes}, {@code latency_ms}
     */
    public static Metrics of(Module model, RunState run, int evalBatch) {
        Evaluator.Result test = new Evaluator(run.tensors(), run.pipeline()).evaluate(model, run.test(), evalBatch);
        Metrics size = ModelStats.measure(model, run.inputShape(), run.tensors());
        return Metrics.empty().with("test_accuracy", test.accuracy()).with("test_errors", test.errors())
                .with("params", size.get("params")).with("macs", size.get("macs")).with("bytes", size.get("bytes"))
                .with("latency_ms", size.get("latency_ms"));
    }
}
