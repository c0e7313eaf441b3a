package io.distillery.api.distill;

/**
 * How one training stage departs from the configured training, e.g. a shorter hint stage with its own learning
 * rate (FitNets). A {@code null} field keeps the configured value.
 *
 * @param epochs the stage's epochs, or {@code null}
 * @param learningRate the stage's base learning rate, or {@code null}
 */
public record StageOptions(Integer epochs, Double learningRate) {

    /** Everything as configured. */
    public static final StageOptions CONFIGURED = new StageOptions(null, null);

    /** @throws IllegalArgumentException on fewer than one epoch or a learning rate not above 0 */
    public StageOptions {
        if (epochs != null && epochs < 1) {
            throw new IllegalArgumentException("a stage needs at least one epoch, got " + epochs);
        }
        if (learningRate != null && !(learningRate > 0)) {
            throw new IllegalArgumentException("a stage's learning rate must be above 0, got " + learningRate);
        }
    }
}
