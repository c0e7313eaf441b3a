package io.distillery.engine.ops;

import io.distillery.api.tensor.Shape;
import io.distillery.engine.core.EngineParameter;
import io.distillery.engine.core.EngineTensor;
import io.distillery.engine.core.Node;

/**
 * Attaches a gradient rule to an operation's result when recording is on and an input needs a gradient; and
 * finds where a rule should write a parameter's gradient.
 */
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

    /**
     * @param input the operand whose gradient a rule computes
     * @param shape the gradient's shape
     * @return the parameter's own gradient buffer when it can take this contribution directly, else a new tensor
     */
    static EngineTensor gradientFor(EngineTensor input, Shape shape) {
        if (input instanceof EngineParameter p) {
            EngineTensor target = p.claimGradTarget();
            if (target != null) {
                return target;
            }
        }
        return input.engine().empty(shape);
    }
}
