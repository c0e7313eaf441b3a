package io.distillery.strategy.fsp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.distillery.api.distill.DistillationContext;

/**
 * One FSP matrix compared between the models: in each, the first and the second layer by module path, whose outputs
 * must have the same spatial size; the student's and the teacher's channel counts must agree layer by layer.
 *
 * @param student the student's first and second module paths
 * @param teacher the teacher's first and second module paths
 */
record FspPair(List<String> student, List<String> teacher) {

    /** @throws IllegalArgumentException unless each model names exactly two paths */
    FspPair {
        if (student.size() != 2 || teacher.size() != 2) {
            throw new IllegalArgumentException("student and teacher must each name two module paths [first, second], got "
                    + student + " and " + teacher);
        }
    }

    /**
     * @param ctx the phase, which binds the pairs' options
     * @param pairs the pairs as the config gives them
     * @param keyPath where the list's section stands in the config, for messages
     * @return the pairs
     * @throws IllegalArgumentException when there is no pair, or a pair is malformed
     */
    static List<FspPair> list(DistillationContext ctx, List<Map<String, Object>> pairs, String keyPath) {
        if (pairs.isEmpty()) {
            throw new IllegalArgumentException("config key '" + keyPath + ".pairs' must list at least one pair, e.g. "
                    + "[{student: [pool1, conv3], teacher: [pool1, conv2]}]");
        }
        List<FspPair> out = new ArrayList<>();
        for (int i = 0; i < pairs.size(); i++) {
            out.add(ctx.bind(FspPair.class, pairs.get(i), keyPath + ".pairs[" + i + "]"));
        }
        return out;
    }
}
