package io.distillery.api.compress;

/**
 * What a model costs to store and run, as a compression report shows it.
 *
 * @param parameters the number of weights and biases
 * @param nonZero the number of them that are not zero (pruning)
 * @param macs multiply-accumulates of one forward pass of one example
 * @param bytes storage at the weights' bit width
 * @param bitsPerWeight the weights' bit width (32 for float32)
 */
public record ModelSize(long parameters, long nonZero, long macs, long bytes, int bitsPerWeight) {

    /** @throws IllegalArgumentException on negative counts or a bit width outside 1..32 */
    public ModelSize {
        if (parameters < 0 || nonZero < 0 || nonZero > parameters || macs < 0 || bytes < 0) {
            throw new IllegalArgumentException("invalid model size: " + parameters + " parameters, " + nonZero
                    + " non-zero, " + macs + " MACs, " + bytes + " bytes");
        }
        if (bitsPerWeight < 1 || bitsPerWeight > 32) {
            throw new IllegalArgumentException("bits per weight must be in 1..32, got " + bitsPerWeight);
        }
    }
}
