package io.distillery.strategy.at;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.distillery.api.distill.DistillationContext;

/**
 * One layer pair whose attention maps are compared, by module path; the two outputs must have the same spatial size.
 *
 * @param student the student module's dotted path
 * @param teacher the teacher module's dotted path
 */
record AttentionPair(String student, String teacher) {

    /**
     * @param ctx the phase, which binds the pairs' options
     * @param pairs the pairs as the config gives them
     * @param keyPath where the list's section stands in the config, for messages
     * @return the pairs
     * @throws IllegalArgumentException when there is no pair, or a pair lacks a path or has another key
     */
    static List<AttentionPair> list(DistillationContext ctx, List<Map<String, Object>> pairs, String keyPath) {
        if (pairs.isEmpty()) {
            throw new IllegalArgumentException("config key '" + keyPath + ".pairs' must list at least one pair of module "
                    + "paths, e.g. [{student: conv4, teacher: conv2}]");
        }
        List<AttentionPair> out = new ArrayList<>();
        for (int i = 0; i < pairs.size(); i++) {
            out.add(ctx.bind(AttentionPair.class, pairs.get(i), keyPath + ".pairs[" + i + "]"));
        }
        return out;
    }
}
