package io.distillery.engine.core;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.random.RandomGenerator;

import io.distillery.api.backend.Backend;
import io.distillery.api.backend.Backends;
import io.distillery.api.tensor.NoGrad;
import io.distillery.api.tensor.Parameter;
import io.distillery.api.tensor.Scope;
import io.distillery.api.tensor.Shape;
import io.distillery.api.tensor.Tensor;
import io.distillery.api.tensor.TensorData;
import io.distillery.api.tensor.Tensors;
import io.distillery.engine.ops.Indexing;
import io.distillery.engine.ops.Reshaping;

import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The {@link Tensors} and {@link Backends} services over one {@link Engine}, which follows every {@link Backend}
 * service as it comes and goes. Configuration PID {@code io.distillery.engine}.
 */
@Component(service = {Tensors.class, Backends.class}, configurationPid = "io.distillery.engine")
public final class EngineTensors implements Tensors, Backends {
    private final Engine engine;

    /** The engine's configuration. */
    @ObjectClassDefinition(name = "Distillery engine")
    public @interface Config {
        /** @return how long a step waits for a backend when none is available before it fails */
        @AttributeDefinition(description = "Seconds a step waits for a backend while none is available")
        long backend_wait_seconds() default 60;
    }

    /** @param config the configuration */
    @Activate
    public EngineTensors(Config config) {
        this(new Engine());
        engine.setBackendWait(Duration.ofSeconds(config.backend_wait_seconds()));
    }

    /**
     * The service over a given engine, outside a framework (tests, benchmarks). A factory rather than a second
     * one-argument constructor, which Declarative Services could not tell from the activation constructor.
     *
     * @param engine the engine
     * @return the service
     */
    public static EngineTensors on(Engine engine) {
        return new EngineTensors(engine);
    }

    private EngineTensors(Engine engine) {
        this.engine = engine;
    }

    /** @return the engine */
    public Engine engine() {
        return engine;
    }

    /**
     * @param backend a backend service that appeared or changed ranking
     * @param properties its service properties
     */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            unbind = "removeBackend", updated = "addBackend")
    void addBackend(Backend backend, Map<String, Object> properties) {
        Object ranking = properties.get(Constants.SERVICE_RANKING);
        Object name = properties.get(Backend.NAME);
        engine.addBackend(backend, name == null ? backend.name() : name.toString(),
                ranking instanceof Integer r ? r : 0);
    }

    /** @param backend a backend service that went away */
    void removeBackend(Backend backend) {
        engine.removeBackend(backend);
    }

    @Override
    public Optional<String> current() {
        return engine.currentBackend();
    }

    @Override
    public List<String> available() {
        return engine.availableBackends();
    }

    @Override
    public Optional<String> pinned() {
        return engine.pinnedBackend();
    }

    @Override
    public void use(String name) {
        engine.use(name);
    }

    @Override
    public Scope scope() {
        return engine.openScope();
    }

    @Override
    public NoGrad noGrad() {
        return engine.noGrad();
    }

    @Override
    public <T> Future<T> aside(Callable<T> task) {
        return engine.aside(task);
    }

    @Override
    public String backendName() {
        return engine.currentBackend().orElse("none");
    }

    @Override
    public Tensor of(Shape shape, float... values) {
        return engine.upload(shape, values);
    }

    @Override
    public Tensor of(TensorData data) {
        return engine.upload(data.shape(), data.values());
    }

    @Override
    public Tensor scalar(double value) {
        return engine.full(Shape.scalar(), (float) value);
    }

    @Override
    public Tensor zeros(Shape shape) {
        return engine.zeros(shape);
    }

    @Override
    public Tensor ones(Shape shape) {
        return engine.full(shape, 1f);
    }

    @Override
    public Tensor full(Shape shape, double value) {
        return engine.full(shape, (float) value);
    }

    @Override
    public Tensor arange(int n) {
        return Indexing.arange(engine, n);
    }

    @Override
    public Tensor rand(Shape shape, RandomGenerator random) {
        float[] v = new float[shape.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = random.nextFloat();
        }
        return engine.upload(shape, v);
    }

    @Override
    public Tensor randn(Shape shape, RandomGenerator random) {
        float[] v = new float[shape.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return engine.upload(shape, v);
    }

    @Override
    public Parameter parameter(TensorData initial, boolean trainable) {
        return EngineParameter.create(engine, initial, trainable);
    }

    @Override
    public Tensor concat(int axis, List<Tensor> parts) {
        return Reshaping.concat(axis, EngineTensor.all(parts));
    }

    @Override
    public Tensor stack(int axis, List<Tensor> parts) {
        return Reshaping.stack(axis, EngineTensor.all(parts));
    }

    @Override
    public Tensor where(Tensor condition, Tensor ifTrue, Tensor ifFalse) {
        return Indexing.where(EngineTensor.of(condition), EngineTensor.of(ifTrue), EngineTensor.of(ifFalse));
    }

    @Override
    public Tensor oneHot(Tensor labels, int classes) {
        return Indexing.oneHot(EngineTensor.of(labels), classes);
    }
}
