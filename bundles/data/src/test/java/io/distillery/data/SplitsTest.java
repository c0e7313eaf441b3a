package io.distillery.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import io.distillery.api.data.DataPipeline;
import io.distillery.api.data.Dataset;
import io.distillery.api.data.Partition;

import org.junit.jupiter.api.Test;

/** Subsets, hold-out and labelled/unlabelled splits: sizes, disjointness, seeding, and their errors. */
class SplitsTest {
    private final DataPipeline pipeline = new StandardPipeline(TestData.tensors());
    private final Dataset data = TestData.counting("counting", 100, 4);

    /** @return the original indices a view shows, read back through its inputs */
    private static int[] originals(Dataset view) {
        float[] x = new float[view.inputShape().size()];
        int[] out = new int[view.size()];
        for (int i = 0; i < view.size(); i++) {
            view.input(i, x, 0);
            out[i] = (int) x[0];
        }
        return out;
    }

    private static Set<Integer> asSet(int[] values) {
        Set<Integer> set = new HashSet<>();
        Arrays.stream(values).forEach(set::add);
        return set;
    }

    @Test
    void subsetShowsTheGivenExamplesInOrderAndComposes() {
        Dataset sub = pipeline.subset(data, new int[] {7, 3, 99}, "three");
        assertEquals("three", sub.name());
        assertArrayEquals(new int[] {7, 3, 99}, originals(sub));
        assertEquals(3, sub.label(0));
        assertEquals(data.inputShape(), sub.inputShape());
        assertEquals(4, sub.classCount());
        Dataset subOfSub = pipeline.subset(sub, new int[] {2, 0}, "two");
        assertArrayEquals(new int[] {99, 7}, originals(subOfSub));
    }

    @Test
    void subsetNamesTheFirstBadIndex() {
        IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class,
                () -> pipeline.subset(data, new int[] {1, 100, -1}, "bad"));
        assertTrue(e.getMessage().contains("index 100 at position 1"), e.getMessage());
        assertTrue(e.getMessage().contains("counting"), e.getMessage());
    }

    @Test
    void holdOutIsDisjointCompleteSizedAndSeeded() {
        Partition p = pipeline.holdOut(data, 20, 42);
        assertEquals(80, p.first().size());
        assertEquals(20, p.second().size());
        assertEquals("counting/held-out", p.second().name());
        Set<Integer> rest = asSet(originals(p.first()));
        Set<Integer> held = asSet(originals(p.second()));
        assertEquals(80, rest.size());
        assertEquals(20, held.size());
        rest.retainAll(held);
        assertTrue(rest.isEmpty(), "parts overlap in " + rest);
        assertArrayEquals(originals(p.second()), originals(pipeline.holdOut(data, 20, 42).second()));
        assertFalse(Arrays.equals(originals(p.second()), originals(pipeline.holdOut(data, 20, 43).second())));
        int[] kept = originals(p.first());
        int[] sorted = kept.clone();
        Arrays.sort(sorted);
        assertArrayEquals(sorted, kept, "each part keeps the original order");
    }

    @Test
    void holdOutRejectsCountsThatLeaveAPartEmpty() {
        assertThrows(IllegalArgumentException.class, () -> pipeline.holdOut(data, 0, 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> pipeline.holdOut(data, 100, 1));
        assertTrue(e.getMessage().contains("[1, 99]"), e.getMessage());
    }

    @Test
    void labelledPerClassTakesExactlyNOfEachClass() {
        Partition p = pipeline.labelledPerClass(data, 5, 7);
        assertEquals(20, p.first().size());
        assertEquals(80, p.second().size());
        int[] perClass = new int[4];
        for (int i = 0; i < p.first().size(); i++) {
            perClass[p.first().label(i)]++;
        }
        assertArrayEquals(new int[] {5, 5, 5, 5}, perClass);
        Set<Integer> labelled = asSet(originals(p.first()));
        Set<Integer> unlabelled = asSet(originals(p.second()));
        assertEquals(100, labelled.size() + unlabelled.size());
        labelled.addAll(unlabelled);
        assertEquals(100, labelled.size(), "the parts are disjoint and cover the data set");
        assertArrayEquals(originals(p.first()), originals(pipeline.labelledPerClass(data, 5, 7).first()));
        assertFalse(Arrays.equals(originals(p.first()), originals(pipeline.labelledPerClass(data, 5, 8).first())));
    }

    @Test
    void labelledPerClassNamesAClassThatIsTooSmall() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> pipeline.labelledPerClass(TestData.counting("small", 10, 4), 3, 1));
        // classes 2 and 3 have two examples each (2, 6 and 3, 7)
        assertTrue(e.getMessage().contains("class 2 of small has 2 examples"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> pipeline.labelledPerClass(data, 0, 1));
    }
}
