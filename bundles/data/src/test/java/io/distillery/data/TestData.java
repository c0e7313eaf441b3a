package io.distillery.data;

import io.distillery.api.backend.Backend;
import io.distillery.api.data.Dataset;
import io.distillery.api.tensor.Shape;
import io.distillery.api.tensor.Tensors;
import io.distillery.backend.jvm.JvmBackend;
import io.distillery.data.support.FloatExamples;
import io.distillery.engine.core.Engine;
import io.distillery.engine.core.EngineTensors;

/** Shared fixtures: an engine on the JVM backend and small data sets whose values tell which example they are. */
final class TestData {
    // one backend for every test: its worker threads live as long as the test JVM
    private static final Backend BACKEND = new JvmBackend(2);

    private TestData() {}

    /** @return a fresh tensor service, as the framework would make */
    static Tensors tensors() {
        return EngineTensors.on(new Engine(BACKEND));
    }

    /**
     * @param name the data set's name
     * @param size the number of examples
     * @param classes the number of classes; example {@code i} has label {@code i % classes}
     * @return examples of shape {@code [1, 2, 2]} whose every value is the example's index
     */
    static Dataset counting(String name, int size, int classes) {
        Shape shape = Shape.of(1, 2, 2);
        float[] values = new float[size * shape.size()];
        int[] labels = new int[size];
        for (int i = 0; i < size; i++) {
            labels[i] = i % classes;
            for (int k = 0; k < shape.size(); k++) {
                values[i * shape.size() + k] = i;
            }
        }
        return new FloatExamples(name, shape, classes, values, labels);
    }
}
