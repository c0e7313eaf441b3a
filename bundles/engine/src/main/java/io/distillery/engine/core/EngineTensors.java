package io.distillery.engine.core;

import java.util.List;
import java.util.random.RandomGenerator;

import io.distillery.api.backend.Backend;
import io.distillery.api.tensor.Parameter;
import io.distillery.api.tensor.Scope;
import io.distillery.api.tensor.Shape;
import io.distillery.api.tensor.Tensor;
import io.distillery.api.tensor.TensorData;
import io.distillery.api.tensor.Tensors;
import io.distillery.engine.ops.Indexing;
import io.distillery.engine.ops.Reshaping;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The {@link Tensors} service over an {@link Engine} on the highest-ranked backend.
 */
@Component(service = Tensors.class)
public final class EngineTensors implements Tensors {
    private final Engine engine;

    /** @param backend the highest-ranked backend service */
    @Activate
    public EngineTensors(@Reference(policyOption = ReferencePolicyOption.GREEDY) Backend backend) {
        this(new Engine(backend));
    }

    /** @param engine the engine to make tensors with */
    public EngineTensors(Engine engine) {
        this.engine = engine;
    }

    /** @return the engine */
    public Engine engine() {
        return engine;
    }

    @Override
    public Scope scope() {
        return engine.openScope();
    }

    @Override
    public AutoCloseable noGrad() {
        return engine.noGrad();
    }

    @Override
    public String backendName() {
        return engine.backend().name();
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
