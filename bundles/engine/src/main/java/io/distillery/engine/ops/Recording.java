package io.distillery.engine.ops;

import io.distillery.engine.core.EngineTensor;
import io.distillery.engine.core.Node;

/** Attaches a gradient rule to an operation's result when recording is on and an input needs a gradient. */
final class Recording {
    private Recording() {
    }

    /**
     * @param out the result
     * @param backward its gradient rule
     * @param inputs the operands the rule returns gradients for
     * @return {@code out}
     */
    static EngineTensor record(EngineTensor out, Node.Backward backward, EngineTensor... inputs) {
        if (!out.engine().gradEnabled()) {
            return out;
        }
        for (EngineTensor in : inputs) {
            if (in != null && in.requiresGrad()) {
                out.attach(new Node(backward, inputs));
                return out;
            }
        }
        return out;
    }
}
