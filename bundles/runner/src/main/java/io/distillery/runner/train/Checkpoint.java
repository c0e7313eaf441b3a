package io.distillery.runner.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import io.distillery.api.tensor.TensorData;
import io.distillery.runner.io.Safetensors;

/**
 * What a training stage saves after each epoch: the model's and the optimizer's state and, as safetensors
 * metadata, where training stood (epochs done, whether the stage is complete, the generator's state, the last
 * epoch's metrics as JSON). Model tensors are stored under {@code model.<name>}, optimizer state under
 * {@code optimizer.<name>}.
 *
 * @param model the model's state dictionary
 * @param optimizer the optimizer's state dictionary
 * @param metadata where training stood
 */
record Checkpoint(Map<String, TensorData> model, Map<String, TensorData> optimizer, Map<String, String> metadata) {
    static final String EPOCHS_DONE = "epochs_done";
    static final String COMPLETE = "complete";
    static final String RANDOM_STATE = "random_state";
    static final String METRICS = "metrics";
    private static final String MODEL = "model.";
    private static final String OPTIMIZER = "optimizer.";

    void save(Path file) throws IOException {
        Map<String, TensorData> all = new LinkedHashMap<>();
        model.forEach((k, v) -> all.put(MODEL + k, v));
        optimizer.forEach((k, v) -> all.put(OPTIMIZER + k, v));
        Safetensors.write(file, all, metadata);
    }

    static Checkpoint load(Path file) throws IOException {
        Safetensors.Contents c = Safetensors.read(file);
        Map<String, TensorData> model = new LinkedHashMap<>();
        Map<String, TensorData> optimizer = new LinkedHashMap<>();
        c.tensors().forEach((k, v) -> {
            if (k.startsWith(MODEL)) {
                model.put(k.substring(MODEL.length()), v);
            } else if (k.startsWith(OPTIMIZER)) {
                optimizer.put(k.substring(OPTIMIZER.length()), v);
            } else {
                model.put(k, v);
            }
        });
        return new Checkpoint(model, optimizer, c.metadata());
    }

    int epochsDone() {
        return Integer.parseInt(metadata.getOrDefault(EPOCHS_DONE, "0"));
    }

    boolean complete() {
        return Boolean.parseBoolean(metadata.get(COMPLETE));
    }
}
