package io.distillery.data;

import io.distillery.api.data.Dataset;
import io.distillery.api.data.Partition;
import io.distillery.api.tensor.SeededRandom;

/**
 * Seeded splits of a data set into two disjoint views. Each part keeps the examples in their original order,
 * so a split changes which examples a part has, never how they are arranged.
 */
final class Splits {

    private Splits() {}

    /**
     * @param source a data set
     * @param count examples to hold out, in {@code [1, size)}
     * @param seed the seed of the choice
     * @return the rest and the held-out part
     */
    static Partition holdOut(Dataset source, int count, long seed) {
        if (count < 1 || count >= source.size()) {
            throw new IllegalArgumentException("cannot hold out " + count + " examples of " + source.name()
                    + ", which has " + source.size() + ": the count must be in [1, " + (source.size() - 1) + "]");
        }
        int[] order = Seeds.shuffle(Seeds.identity(source.size()), new SeededRandom(seed));
        boolean[] chosen = new boolean[source.size()];
        for (int k = 0; k < count; k++) {
            chosen[order[k]] = true;
        }
        int[][] parts = partition(chosen, count);
        return new Partition(view(source, parts[1], "rest"), view(source, parts[0], "held-out"));
    }

    /**
     * @param source a data set
     * @param perClass labelled examples per class, at least 1
     * @param seed the seed of the choice
     * @return the labelled part and the rest
     */
    static Partition labelledPerClass(Dataset source, int perClass, long seed) {
        if (perClass < 1) {
            throw new IllegalArgumentException("labelled examples per class must be at least 1, got " + perClass);
        }
        int[][] byClass = examplesByClass(source);
        boolean[] chosen = new boolean[source.size()];
        for (int c = 0; c < byClass.length; c++) {
            if (byClass[c].length < perClass) {
                throw new IllegalArgumentException("class " + c + " of " + source.name() + " has "
                        + byClass[c].length + " examples, fewer than the " + perClass + " labelled per class asked for");
            }
            // One generator per class, so a class's choice does not depend on the classes before it.
            int[] order = Seeds.shuffle(byClass[c], new SeededRandom(Seeds.derive(seed, c)));
            for (int k = 0; k < perClass; k++) {
                chosen[order[k]] = true;
            }
        }
        int[][] parts = partition(chosen, perClass * byClass.length);
        return new Partition(view(source, parts[0], "labelled"), view(source, parts[1], "unlabelled"));
    }

    private static int[][] examplesByClass(Dataset source) {
        int[] counts = new int[source.classCount()];
        for (int i = 0; i < source.size(); i++) {
            counts[source.label(i)]++;
        }
        int[][] byClass = new int[counts.length][];
        for (int c = 0; c < counts.length; c++) {
            byClass[c] = new int[counts[c]];
            counts[c] = 0;
        }
        for (int i = 0; i < source.size(); i++) {
            int c = source.label(i);
            byClass[c][counts[c]++] = i;
        }
        return byClass;
    }

    /** @return the chosen examples and the others, each in ascending order */
    private static int[][] partition(boolean[] chosen, int chosenCount) {
        int[] picked = new int[chosenCount];
        int[] others = new int[chosen.length - chosenCount];
        int p = 0;
        int o = 0;
        for (int i = 0; i < chosen.length; i++) {
            if (chosen[i]) {
                picked[p++] = i;
            } else {
                others[o++] = i;
            }
        }
        return new int[][] {picked, others};
    }

    private static Dataset view(Dataset source, int[] indices, String part) {
        return new IndexedView(source, indices, source.name() + "/" + part);
    }
}
