package io.distillery.backend.jvm;

/**
 * Optimizer steps in one pass over memory: SGD with momentum, and Adam or AdamW.
 *
 * <p>Each element's parameter, gradient and moment buffers are read once and written once; the composed
 * reference versions make about ten passes. The loops vectorise, and long buffers are split among threads.
 */
final class FusedUpdates {
    private static final long GRAIN = Elementwise.GRAIN;

    private final WorkerPool pool;

    FusedUpdates(WorkerPool pool) {
        this.pool = pool;
    }

    /** A loop over elements {@code [from, to)}. */
    private interface Range {
        void run(int from, int to);
    }

    private void split(int length, Range range) {
        int tasks = WorkerPool.tasks(length, GRAIN, length);
        pool.run(tasks, t -> range.run((int) WorkerPool.start(length, tasks, t),
                (int) WorkerPool.start(length, tasks, t + 1)));
    }

    void sgd(float[] param, float[] grad, float[] velocity, int length, float lr, float momentum,
            float weightDecay, boolean nesterov) {
        split(length, (from, to) -> {
            if (momentum == 0f) {
                for (int i = from; i < to; i++) {
                    param[i] -= lr * (weightDecay * param[i] + grad[i]);
                }
            } else if (nesterov) {
                for (int i = from; i < to; i++) {
                    float g = weightDecay * param[i] + grad[i];
                    float v = momentum * velocity[i] + g;
                    velocity[i] = v;
                    param[i] -= lr * (g + momentum * v);
                }
            } else {
                for (int i = from; i < to; i++) {
                    float v = momentum * velocity[i] + (weightDecay * param[i] + grad[i]);
                    velocity[i] = v;
                    param[i] -= lr * v;
                }
            }
        });
    }

    void adam(float[] param, float[] grad, float[] m, float[] v, int length, float lr, float beta1, float beta2,
            float eps, float weightDecay, boolean decoupled, long step) {
        float l2 = decoupled ? 0f : weightDecay;
        float keep = decoupled ? 1f - lr * weightDecay : 1f;
        float unbias1 = 1f / (float) (1 - Math.pow(beta1, step));
        float unbias2 = 1f / (float) (1 - Math.pow(beta2, step));
        float rest1 = 1f - beta1;
        float rest2 = 1f - beta2;
        split(length, (from, to) -> {
            for (int i = from; i < to; i++) {
                float g = l2 * param[i] + grad[i];
                float mi = beta1 * m[i] + rest1 * g;
                float vi = beta2 * v[i] + rest2 * (g * g);
                m[i] = mi;
                v[i] = vi;
                param[i] = keep * param[i] - lr * (mi * unbias1 / ((float) Math.sqrt(vi * unbias2) + eps));
            }
        });
    }
}
