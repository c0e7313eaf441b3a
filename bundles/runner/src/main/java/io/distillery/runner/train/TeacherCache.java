package io.distillery.runner.train;

import java.util.BitSet;

import io.distillery.api.data.Batch;
import io.distillery.api.nn.Module;
import io.distillery.api.tensor.NoGrad;
import io.distillery.api.tensor.Scope;
import io.distillery.api.tensor.Shape;
import io.distillery.api.tensor.Tensor;
import io.distillery.api.tensor.TensorData;
import io.distillery.api.tensor.Tensors;

/**
 * The teacher's logits per training example, computed once and reused in later epochs. Only valid while the
 * teacher sees the same input for an example every time, that is without random transforms; the run turns it
 * off otherwise. Logits are held on the host as float32, {@code examples x classes}.
 */
public final class TeacherCache {
    private static final System.Logger LOG = System.getLogger(TeacherCache.class.getName());

    private final Module teacher;
    private final Tensors tensors;
    private final int examples;
    private final boolean enabled;
    private final BitSet filled;
    private float[] logits;
    private int classes;
    private long hits;
    private long misses;

    /**
     * @param teacher the trained teacher
     * @param run the run
     * @return a cache for the run's training data, off (and saying so) when the data has random transforms
     */
    public static TeacherCache forRun(Module teacher, RunState run) {
        boolean enabled = run.transforms().isEmpty();
        if (!enabled) {
            LOG.log(System.Logger.Level.INFO, "teacher cache off: the training data has random transforms, so the teacher "
                    + "sees different inputs every epoch");
        }
        return new TeacherCache(teacher, run.tensors(), run.train().size(), enabled);
    }

    /**
     * @param teacher a teacher
     * @param run the run
     * @return a cache that caches nothing, for dry runs
     */
    public static TeacherCache off(Module teacher, RunState run) {
        return new TeacherCache(teacher, run.tensors(), run.train().size(), false);
    }

    TeacherCache(Module teacher, Tensors tensors, int examples, boolean enabled) {
        this.teacher = teacher;
        this.tensors = tensors;
        this.examples = examples;
        this.enabled = enabled;
        this.filled = new BitSet(examples);
    }

    boolean enabled() {
        return enabled;
    }

    /**
     * @param batch a batch
     * @param fromTrainingData whether its indices are training-set indices (the cache's keys)
     * @return the teacher's logits for it, without gradient
     */
    Tensor logits(Batch batch, boolean fromTrainingData) {
        int[] idx = batch.indices();
        if (enabled && fromTrainingData && logits != null && allFilled(idx)) {
            hits += idx.length;
            float[] rows = new float[idx.length * classes];
            for (int i = 0; i < idx.length; i++) {
                System.arraycopy(logits, idx[i] * classes, rows, i * classes, classes);
            }
            return tensors.of(Shape.of(idx.length, classes), rows);
        }
        Tensor out = compute(batch);
        if (enabled && fromTrainingData) {
            misses += idx.length;
            store(idx, out);
        }
        return out;
    }

    /**
     * @param batch a training batch
     * @return whether {@link #logits(Batch, boolean)} would run the teacher for it
     */
    boolean misses(Batch batch) {
        return !(enabled && logits != null && allFilled(batch.indices()));
    }

    /**
     * The teacher's logits for a batch, for a task run aside ({@link Tensors#aside}): on the calling thread, in a
     * scope of its own, from the batch's host values. Touches none of the cache's state.
     *
     * @param batch a batch
     * @return the logits as host values
     */
    @SuppressWarnings("try") // the scope and the handle need no naming
    TensorData computeAside(Batch batch) {
        try (Scope s = tensors.scope(); NoGrad off = tensors.noGrad()) {
            return teacher.forward(tensors.of(batch.inputData())).data();
        }
    }

    /**
     * Takes up logits {@link #computeAside(Batch) computed aside} for a training batch, as {@link #logits(Batch,
     * boolean)} would have computed them.
     *
     * @param batch the training batch
     * @param computed its logits
     * @return them, as a tensor of the calling thread's scope
     */
    Tensor accept(Batch batch, TensorData computed) {
        Tensor out = tensors.of(computed);
        if (enabled) {
            misses += batch.size();
            store(batch.indices(), out);
        }
        return out;
    }

    /**
     * @param batch a batch
     * @return the teacher's logits, computed now (so that its taps see the forward pass), without gradient
     */
    Tensor forward(Batch batch) {
        return compute(batch);
    }

    @SuppressWarnings("try") // the handle only turns recording back on
    private Tensor compute(Batch batch) {
        try (NoGrad off = tensors.noGrad()) {
            return teacher.forward(batch.inputs()).detach();
        }
    }

    private void store(int[] idx, Tensor out) {
        if (logits == null) {
            classes = out.dim(-1);
            logits = new float[examples * classes];
        }
        float[] rows = out.toArray();
        for (int i = 0; i < idx.length; i++) {
            System.arraycopy(rows, i * classes, logits, idx[i] * classes, classes);
            filled.set(idx[i]);
        }
    }

    private boolean allFilled(int[] idx) {
        for (int i : idx) {
            if (!filled.get(i)) {
                return false;
            }
        }
        return true;
    }

    /** @return the fraction of training examples served from the cache so far */
    double hitRate() {
        long total = hits + misses;
        return total == 0 ? 0 : (double) hits / total;
    }
}
