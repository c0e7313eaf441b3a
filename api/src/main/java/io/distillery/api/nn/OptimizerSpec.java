package io.distillery.api.nn;

/**
 * What optimizer to make and its settings. Settings an optimizer does not use are ignored.
 *
 * @param name {@code sgd}, {@code adam} or {@code adamw}
 * @param learningRate the base learning rate
 * @param momentum SGD's momentum coefficient
 * @param nesterov whether SGD uses Nesterov momentum
 * @param weightDecay the L2 (SGD, Adam) or decoupled (AdamW) decay coefficient
 * @param beta1 Adam's first-moment decay
 * @param beta2 Adam's second-moment decay
 * @param epsilon Adam's denominator guard
 */
public record OptimizerSpec(String name, double learningRate, double momentum, boolean nesterov,
        double weightDecay, double beta1, double beta2, double epsilon) {

    /** @throws IllegalArgumentException naming the first value out of range */
    public OptimizerSpec {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("optimizer name is missing");
        }
        check("learning rate", learningRate, learningRate > 0);
        check("momentum", momentum, momentum >= 0 && momentum < 1);
        check("weight decay", weightDecay, weightDecay >= 0);
        check("beta1", beta1, beta1 >= 0 && beta1 < 1);
        check("beta2", beta2, beta2 >= 0 && beta2 < 1);
        check("epsilon", epsilon, epsilon > 0);
        if (nesterov && momentum == 0) {
            throw new IllegalArgumentException("Nesterov momentum needs a momentum above 0");
        }
    }

    private static void check(String what, double value, boolean ok) {
        if (!ok || Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("optimizer " + what + " out of range: " + value);
        }
    }

    /** @param learningRate the rate @return plain SGD */
    public static OptimizerSpec sgd(double learningRate) {
        return new OptimizerSpec("sgd", learningRate, 0, false, 0, 0.9, 0.999, 1e-8);
    }

    /** @param learningRate the rate @return Adam with betas 0.9, 0.999 and epsilon 1e-8 */
    public static OptimizerSpec adam(double learningRate) {
        return new OptimizerSpec("adam", learningRate, 0, false, 0, 0.9, 0.999, 1e-8);
    }

    /** @param learningRate the rate @return AdamW with betas 0.9, 0.999, epsilon 1e-8 and decay 0.01 */
    public static OptimizerSpec adamw(double learningRate) {
        return new OptimizerSpec("adamw", learningRate, 0, false, 0.01, 0.9, 0.999, 1e-8);
    }

    /** @param momentum the coefficient @return this spec with momentum */
    public OptimizerSpec withMomentum(double momentum) {
        return new OptimizerSpec(name, learningRate, momentum, nesterov, weightDecay, beta1, beta2, epsilon);
    }

    /** @param nesterov whether to look ahead @return this spec with or without Nesterov momentum */
    public OptimizerSpec withNesterov(boolean nesterov) {
        return new OptimizerSpec(name, learningRate, momentum, nesterov, weightDecay, beta1, beta2, epsilon);
    }

    /** @param weightDecay the coefficient @return this spec with weight decay */
    public OptimizerSpec withWeightDecay(double weightDecay) {
        return new OptimizerSpec(name, learningRate, momentum, nesterov, weightDecay, beta1, beta2, epsilon);
    }

    /** @param beta1 first-moment decay @param beta2 second-moment decay @return this spec with other betas */
    public OptimizerSpec withBetas(double beta1, double beta2) {
        return new OptimizerSpec(name, learningRate, momentum, nesterov, weightDecay, beta1, beta2, epsilon);
    }
}
