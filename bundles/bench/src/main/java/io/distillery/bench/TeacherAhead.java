package io.distillery.bench;

import io.distillery.api.tensor.Scope;
import io.distillery.api.tensor.Tensor;
import io.distillery.api.tensor.TensorData;
import io.distillery.api.tensor.Tensors;

import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * A frozen teacher's output for the next step, computed beside the current one ({@link Tensors#aside}): the
 * teacher's forward pass needs nothing from the student's step, so on a backend that lends a thread the two
 * overlap. Each call of {@link #next()} takes the output computed meanwhile and starts the next one.
 */
final class TeacherAhead implements AutoCloseable {
    private final Tensors tensors;
    private final Supplier<Tensor> teacher;
    private Future<TensorData> ahead;

    /**
     * @param tensors makes the tensors and lends the thread
     * @param teacher the teacher's forward pass, without gradient, over inputs that stay the same
     */
    TeacherAhead(Tensors tensors, Supplier<Tensor> teacher) {
        this.tensors = tensors;
        this.teacher = teacher;
        this.ahead = start();
    }

    /** @return the teacher's output, a tensor of the calling thread's scope */
    Tensor next() {
        TensorData out = finish();
        ahead = start();
        return tensors.of(out);
    }

    /** Waits for the output under way, so that nothing runs on the teacher once its owner releases it. */
    @Override
    public void close() {
        finish();
    }

    @SuppressWarnings("try") // the scope owns the teacher's tensors, none of which is named
    private Future<TensorData> start() {
        return tensors.aside(() -> {
            try (Scope s = tensors.scope()) {
                return teacher.get().data();
            }
        });
    }

    private TensorData finish() {
        return Tensors.await(ahead);
    }
}
