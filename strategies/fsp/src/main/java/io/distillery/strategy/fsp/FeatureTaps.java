package io.distillery.strategy.fsp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.distillery.api.data.Batch;
import io.distillery.api.distill.DistillationContext;
import io.distillery.api.distill.Tap;
import io.distillery.api.nn.Module;
import io.distillery.api.tensor.Scope;
import io.distillery.api.tensor.Shape;

/**
 * The taps a feature-based loss reads, opened by config key so that a path that does not exist is reported with the
 * key that named it, and a dry pass that gives their shapes before training, so that mismatches are too. Closing it
 * closes every tap.
 */
final class FeatureTaps implements AutoCloseable {
    private final DistillationContext ctx;
    private final List<Tap> taps = new ArrayList<>();

    /** @param ctx the phase */
    FeatureTaps(DistillationContext ctx) {
        this.ctx = ctx;
    }

    /**
     * @param path a student module's dotted path
     * @param key the config key that names it
     * @return the open tap
     * @throws IllegalArgumentException naming the key, the missing segment and the modules there are
     */
    Tap student(String path, String key) {
        return open(ctx::tapStudent, path, key, "student");
    }

    /**
     * @param path a teacher module's dotted path
     * @param key the config key that names it
     * @return the open tap
     * @throws IllegalArgumentException naming the key, the missing segment and the modules there are
     */
    Tap teacher(String path, String key) {
        return open(ctx::tapTeacher, path, key, "teacher");
    }

    private Tap open(Function<String, Tap> tap, String path, String key, String model) {
        try {
            Tap t = tap.apply(path);
            taps.add(t);
            return t;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("config key '" + key + "' names no " + model + " module: " + e.getMessage(), e);
        }
    }

    /**
     * Runs the teacher and the student once on a sample batch, without gradient and in evaluation mode.
     *
     * @return the output shape of every open tap
     */
    Map<Tap, Shape> shapes() {
        Module student = ctx.student();
        boolean training = student.isTraining();
        // in evaluation mode the pass moves no batch-norm statistics and draws no dropout mask from the run's generator
        student.setTraining(false);
        try (Scope s = ctx.tensors().scope(); AutoCloseable off = ctx.tensors().noGrad()) {
            Batch batch = ctx.sampleBatch();
            ctx.teacherLogits(batch);
            ctx.studentLogits(batch);
            Map<Tap, Shape> out = new IdentityHashMap<>();
            taps.forEach(t -> out.put(t, t.output().shape()));
            return out;
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            student.setTraining(training);
        }
    }

    /**
     * @param features a feature map's shape, {@code [batch, channels, ...]}
     * @return its spatial axes, after the channels
     */
    static List<Integer> spatial(Shape features) {
        return Arrays.stream(features.toArray()).skip(2).boxed().toList();
    }

    @Override
    public void close() {
        taps.forEach(Tap::close);
    }
}
