package io.distillery.engine;

import io.distillery.api.nn.Layers;
import io.distillery.api.nn.Optimizers;
import io.distillery.api.tensor.Tensors;
import io.distillery.backend.jvm.JvmBackend;
import io.distillery.engine.core.Engine;
import io.distillery.engine.core.EngineTensors;
import io.distillery.engine.nn.StandardLayers;
import io.distillery.engine.optim.StandardOptimizers;

/** An engine on the JVM backend with its three services, as the framework would wire them. */
final class TestEngine {
    // one backend for every test: its worker threads live as long as the test JVM
    private static final JvmBackend BACKEND = new JvmBackend(Runtime.getRuntime().availableProcessors());

    final Engine engine;
    final Tensors tensors;
    final Layers layers;
    final Optimizers optimizers;

    /** @return the JVM backend every test shares */
    static JvmBackend backend() {
        return BACKEND;
    }

    TestEngine() {
        engine = new Engine(BACKEND);
        tensors = EngineTensors.on(engine);
        layers = StandardLayers.on(engine);
        optimizers = new StandardOptimizers();
    }
}
