package io.distillery.api.tensor;

/**
 * The standard losses, composed from {@link Tensor} operations so that a strategy needs nothing but this API.
 *
 * <p>Logits are {@code [batch, classes]} (or any shape with classes on the last axis); labels are
 * integer-valued class indices of the logits' shape without the last axis. Every loss returns the mean over
 * the batch as a scalar.
 */
public final class Losses {
    private Losses() {
    }

    /**
     * Cross-entropy of integer labels given logits.
     *
     * @param logits unnormalised scores
     * @param labels class indices
     * @return the mean negative log-likelihood
     */
    public static Tensor crossEntropy(Tensor logits, Tensor labels) {
        return crossEntropy(logits, labels, 0);
    }

    /**
     * Cross-entropy with label smoothing (Szegedy et al. 2016): the target puts {@code 1 - smoothing} on the
     * label and spreads {@code smoothing} evenly over all classes.
     *
     * @param logits unnormalised scores
     * @param labels class indices
     * @param smoothing the mass spread over all classes, in {@code [0, 1)}
     * @return the mean loss
     */
    public static Tensor crossEntropy(Tensor logits, Tensor labels, double smoothing) {
        if (smoothing < 0 || smoothing >= 1) {
            throw new IllegalArgumentException("label smoothing must be in [0, 1), got " + smoothing);
        }
        Tensor logp = logits.logSoftmax(-1);
        Tensor nll = logp.gather(-1, labels.unsqueeze(-1)).neg().mean();
        if (smoothing == 0) {
            return nll;
        }
        Tensor uniform = logp.mean(-1, false).neg().mean();
        return nll.mul(1 - smoothing).add(uniform.mul(smoothing));
    }

    /**
     * Cross-entropy against soft targets: {@code -sum(p * log softmax(logits / T))}, mean over the batch.
     *
     * @param logits the student's unnormalised scores
     * @param targetProbabilities target distributions over the last axis
     * @param temperature the softmax temperature {@code T} applied to the logits
     * @return the mean loss
     */
    public static Tensor softTargetCrossEntropy(Tensor logits, Tensor targetProbabilities, double temperature) {
        positive("temperature", temperature);
        Tensor logq = logits.div(temperature).logSoftmax(-1);
        return targetProbabilities.mul(logq).sum(-1, false).neg().mean();
    }

    /**
     * The distillation term of Hinton, Vinyals and Dean (2015):
     * {@code T^2 * KL(softmax(teacher / T) || softmax(student / T))}, mean over the batch. The {@code T^2}
     * factor keeps the gradient's size independent of the temperature. No gradient flows into the teacher.
     *
     * @param studentLogits the student's unnormalised scores
     * @param teacherLogits the teacher's unnormalised scores, same shape
     * @param temperature the temperature {@code T}
     * @return the mean scaled divergence
     */
    public static Tensor softTargetKl(Tensor studentLogits, Tensor teacherLogits, double temperature) {
        positive("temperature", temperature);
        sameShape("softTargetKl", studentLogits, teacherLogits);
        Tensor logp = teacherLogits.detach().div(temperature).logSoftmax(-1);
        Tensor logq = studentLogits.div(temperature).logSoftmax(-1);
        Tensor kl = logp.exp().mul(logp.sub(logq)).sum(-1, false).mean();
        return kl.mul(temperature * temperature);
    }

    /**
     * @param prediction the prediction
     * @param target the target, same shape
     * @return the mean squared error over all elements
     */
    public static Tensor mse(Tensor prediction, Tensor target) {
        sameShape("mse", prediction, target);
        Tensor d = prediction.sub(target);
        return d.mul(d).mean();
    }

    /**
     * @param prediction the prediction
     * @param target the target, same shape
     * @return the mean absolute error over all elements
     */
    public static Tensor l1(Tensor prediction, Tensor target) {
        sameShape("l1", prediction, target);
        return prediction.sub(target).abs().mean();
    }

    private static void positive(String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be positive and finite, got " + value);
        }
    }

    private static void sameShape(String loss, Tensor a, Tensor b) {
        if (!a.shape().equals(b.shape())) {
            throw new IllegalArgumentException(loss + ": prediction shape " + a.shape()
                    + " differs from target shape " + b.shape());
        }
    }
}
