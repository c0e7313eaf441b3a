package io.distillery.engine.core;

/**
 * One recorded operation of the autograd tape: its inputs and how to turn the gradient of its output into
 * gradients of its inputs.
 */
public final class Node {
    private final EngineTensor[] inputs;
    private final Backward backward;

    /**
     * @param backward the gradient rule
     * @param inputs the operands, in the order the rule returns their gradients
     */
    public Node(Backward backward, EngineTensor... inputs) {
        this.backward = backward;
        this.inputs = inputs;
    }

    EngineTensor[] inputs() {
        return inputs;
    }

    Backward backward() {
        return backward;
    }

    /** A gradient rule: runs with recording off, inside the scope that calls {@code backward()}. */
    @FunctionalInterface
    public interface Backward {

        /**
         * @param gradOutput the gradient of the output
         * @return the gradient of each input, or {@code null} for inputs that need none
         */
        EngineTensor[] apply(EngineTensor gradOutput);
    }
}
