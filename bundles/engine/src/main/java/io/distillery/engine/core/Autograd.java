package io.distillery.engine.core;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.distillery.api.backend.BinaryOp;
import io.distillery.api.tensor.NoGrad;

/**
 * Reverse-mode differentiation over the recorded nodes.
 *
 * <p>Tensors are numbered as they are made, so every tensor comes after its inputs: visiting the reachable
 * ones from the highest number down is a topological order. Gradients arriving at a tensor from several uses
 * are summed; those arriving at parameters are added to the parameter's gradient.
 */
final class Autograd {
    private Autograd() {
    }

    static void backward(EngineTensor root, EngineTensor gradRoot) {
        Engine engine = root.engine();
        List<EngineTensor> order = reachable(root);
        Map<EngineTensor, EngineTensor> grads = new IdentityHashMap<>();
        Set<EngineTensor> owned = Collections.newSetFromMap(new IdentityHashMap<>());
        grads.put(root, gradRoot);
        try (NoGrad off = engine.noGrad()) {
            for (EngineTensor t : order) {
                EngineTensor g = grads.remove(t);
                if (g == null) {
                    continue;
                }
                Node node = t.node();
                if (node == null) {
                    if (t instanceof EngineParameter p) {
                        p.accumulateGrad(g);
                    }
                    continue;
                }
                EngineTensor[] inputs = node.inputs();
                EngineTensor[] ig = node.backward().apply(g);
                for (int i = 0; i < inputs.length; i++) {
                    if (ig[i] != null && inputs[i] != null && inputs[i].requiresGrad()) {
                        accumulate(grads, owned, inputs[i], ig[i]);
                    }
                }
            }
        }
    }

    private static void accumulate(Map<EngineTensor, EngineTensor> grads, Set<EngineTensor> owned,
            EngineTensor target, EngineTensor g) {
        if (!g.shape().equals(target.shape())) {
            throw new IllegalStateException("internal error: gradient " + g.shape() + " for tensor " + target.shape());
        }
        EngineTensor old = grads.get(target);
        if (old == null) {
            grads.put(target, g);
            return;
        }
        // Sum into a buffer only this map holds; a gradient passed through may alias another tensor.
        if (owned.contains(old)) {
            int[] dims = {old.size()};
            old.backend().binary(BinaryOp.ADD, old.buffer(), dims, g.buffer(), dims, old.buffer(), dims);
        } else {
            EngineTensor sum = old.engine().empty(old.shape());
            int[] dims = {old.size()};
            sum.backend().binary(BinaryOp.ADD, old.buffer(), dims, g.buffer(), dims, sum.buffer(), dims);
            grads.put(target, sum);
            owned.add(sum);
        }
    }

    private static List<EngineTensor> reachable(EngineTensor root) {
        Set<EngineTensor> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<EngineTensor> out = new ArrayList<>();
        ArrayDeque<EngineTensor> todo = new ArrayDeque<>();
        todo.push(root);
        seen.add(root);
        while (!todo.isEmpty()) {
            EngineTensor t = todo.pop();
            out.add(t);
            Node n = t.node();
            if (n != null) {
                for (EngineTensor in : n.inputs()) {
                    if (in != null && in.requiresGrad() && seen.add(in)) {
                        todo.push(in);
                    }
                }
            }
        }
        out.sort(Comparator.comparingLong(EngineTensor::sequence).reversed());
        return out;
    }
}
