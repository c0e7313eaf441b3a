package io.distillery.bench;

import io.distillery.api.nn.Module;
import io.distillery.api.nn.Optimizer;
import io.distillery.api.nn.OptimizerSpec;
import io.distillery.api.tensor.Losses;
import io.distillery.api.tensor.NoGrad;
import io.distillery.api.tensor.Parameter;
import io.distillery.api.tensor.Scope;
import io.distillery.api.tensor.SeededRandom;
import io.distillery.api.tensor.Shape;
import io.distillery.api.tensor.Tensor;
import io.distillery.api.tensor.TensorData;
import io.distillery.api.tensor.Tensors;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;

/**
 * A network ready to train on one synthetic batch: its SGD optimizer (learning rate 0.01, momentum 0.9), the
 * batch held on the backend as untrained parameters (inputs uniform in [0, 1), labels among 10 classes), and its
 * loss. A step is zero-grad, forward, loss, backward and update inside one scope. Closing it releases every
 * parameter and the optimizer's state.
 */
final class TrainingStep implements AutoCloseable {
    /** The batch is the same for every workload and run. */
    private static final long DATA_SEED = 1;
    private static final int CLASSES = 10;
    private static final OptimizerSpec SGD = OptimizerSpec.sgd(0.01).withMomentum(0.9);

    private final Tensors tensors;
    private final Module model;
    private final Parameter inputs;
    private final UnaryOperator<Tensor> loss;
    private final Optimizer optimizer;
    private final List<Parameter> owned;
    private final long flops;
    /** Work still running beside the step, finished before anything is released. */
    private final AutoCloseable pending;

    private TrainingStep(Kit kit, Module model, Parameter inputs, UnaryOperator<Tensor> loss, List<Parameter> owned,
            long flops, AutoCloseable pending) {
        this.pending = pending;
        this.tensors = kit.tensors();
        this.model = model;
        this.inputs = inputs;
        this.loss = loss;
        this.optimizer = kit.optimizers().create(SGD, model.namedParameters());
        this.owned = new ArrayList<>(owned);
        this.owned.addAll(model.namedParameters().values());
        this.owned.addAll(model.namedBuffers().values());
        this.flops = flops;
    }

    /**
     * A network trained with cross-entropy; a step counts three times the forward FLOPs.
     *
     * @param kit the engine services
     * @param net the network
     * @param batch the batch size
     * @return the step
     */
    static TrainingStep supervised(Kit kit, Net net, int batch) {
        Parameter x = inputs(kit.tensors(), net.sampleShape(), batch);
        Parameter y = labels(kit.tensors(), batch);
        return new TrainingStep(kit, net.module(), x, logits -> Losses.crossEntropy(logits, y), List.of(x, y),
                3 * net.forwardFlops() * batch, () -> { });
    }

    /**
     * A student trained on an evaluated teacher's soft targets, Hinton et al. 2015:
     * {@code alpha T^2 KL(teacher || student at T) + (1 - alpha) CE}. A step counts the teacher's forward FLOPs
     * once and three times the student's. The teacher runs one step ahead, beside the student's step (see
     * {@link TeacherAhead}): the batch is the same every step.
     *
     * @param kit the engine services
     * @param teacher the teacher, run in evaluation mode without gradients
     * @param student the student
     * @param batch the batch size
     * @param temperature the softmax temperature {@code T}
     * @param alpha the soft targets' weight
     * @return the step
     */
    static TrainingStep distilled(Kit kit, Net teacher, Net student, int batch, double temperature, double alpha) {
        Tensors tensors = kit.tensors();
        Module frozen = teacher.module();
        frozen.setTraining(false);
        Parameter x = inputs(tensors, student.sampleShape(), batch);
        Parameter y = labels(tensors, batch);
        TeacherAhead soft = new TeacherAhead(tensors, () -> evaluate(tensors, frozen, x));
        UnaryOperator<Tensor> loss = logits -> Losses.softTargetKl(logits, soft.next(), temperature)
                .mul(alpha).add(Losses.crossEntropy(logits, y).mul(1 - alpha));
        List<Parameter> owned = new ArrayList<>(List.of(x, y));
        owned.addAll(frozen.namedParameters().values());
        owned.addAll(frozen.namedBuffers().values());
        return new TrainingStep(kit, student.module(), x, loss, owned,
                (teacher.forwardFlops() + 3 * student.forwardFlops()) * batch, soft);
    }

    /** @return the counted FLOPs of one step */
    long flops() {
        return flops;
    }

    /** @return the loss before this step's update */
    @SuppressWarnings("try") // the scope owns every tensor made in it, none of which is named
    float run() {
        try (Scope step = tensors.scope()) {
            optimizer.zeroGrad();
            Tensor value = loss.apply(model.forward(inputs));
            value.backward();
            optimizer.step();
            return value.item();
        }
    }

    @Override
    public void close() {
        try {
            pending.close();
        } catch (Exception e) {
            throw new IllegalStateException("work beside the step failed", e);
        } finally {
            optimizer.close();
            owned.forEach(Parameter::release);
        }
    }

    @SuppressWarnings("try") // the handle only turns recording back on
    private static Tensor evaluate(Tensors tensors, Module model, Tensor input) {
        try (NoGrad off = tensors.noGrad()) {
            return model.forward(input);
        }
    }

    private static Parameter inputs(Tensors tensors, int[] sampleShape, int batch) {
        int[] dims = IntStream.concat(IntStream.of(batch), IntStream.of(sampleShape)).toArray();
        Shape shape = Shape.of(dims);
        SeededRandom random = new SeededRandom(DATA_SEED);
        float[] values = new float[shape.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextFloat();
        }
        return tensors.parameter(new TensorData(shape, values), false);
    }

    private static Parameter labels(Tensors tensors, int batch) {
        SeededRandom random = new SeededRandom(DATA_SEED + 1);
        float[] values = new float[batch];
        for (int i = 0; i < batch; i++) {
            values[i] = random.nextInt(CLASSES);
        }
        return tensors.parameter(new TensorData(Shape.of(batch), values), false);
    }
}
