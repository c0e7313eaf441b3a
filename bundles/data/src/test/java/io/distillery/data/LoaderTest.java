package io.distillery.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

import io.distillery.api.data.Batch;
import io.distillery.api.data.Dataset;
import io.distillery.api.data.Loader;
import io.distillery.api.data.LoaderOptions;
import io.distillery.api.data.Transform;
import io.distillery.api.tensor.Scope;
import io.distillery.api.tensor.Tensor;
import io.distillery.api.tensor.Tensors;

import org.junit.jupiter.api.Test;

/** Order, coverage and determinism of the loader's epochs, and the batches' tensors. */
class LoaderTest {
    private final Tensors tensors = TestData.tensors();
    private final StandardPipeline pipeline = new StandardPipeline(tensors);
    private final Dataset data = TestData.counting("loader-test", 103, 5);

    /** Adds noise, so that a batch's values show which generator prepared them. */
    private static final Transform NOISE = (x, shape, random) -> {
        for (int i = 0; i < shape.size(); i++) {
            x[i] += (float) random.nextGaussian();
        }
    };

    /** The same noise, after a random pause that shuffles thread timing between runs. */
    private static final Transform SLOW_NOISE = (x, shape, random) -> {
        try {
            Thread.sleep((long) (Math.random() * 2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        NOISE.apply(x, shape, random);
    };

    private static LoaderOptions options(int batch, boolean dropLast, List<Transform> transforms, long seed, int prefetch) {
        return new LoaderOptions(batch, true, dropLast, transforms, seed, prefetch);
    }

    /** @return every value of every batch of one epoch, batch after batch, read inside a step scope */
    private List<float[]> epoch(Loader loader, int epoch) {
        List<float[]> out = new ArrayList<>();
        for (Iterator<Batch> it = loader.epoch(epoch); it.hasNext(); ) {
            try (Scope step = tensors.scope()) {
                out.add(it.next().inputs().toArray());
            }
        }
        return out;
    }

    private List<int[]> indices(Loader loader, int epoch) {
        List<int[]> out = new ArrayList<>();
        for (Iterator<Batch> it = loader.epoch(epoch); it.hasNext(); ) {
            try (Scope step = tensors.scope()) {
                out.add(it.next().indices());
            }
        }
        return out;
    }

    private static float[] flat(List<float[]> batches) {
        return batches.stream().reduce(new float[0], (a, b) -> {
            float[] c = Arrays.copyOf(a, a.length + b.length);
            System.arraycopy(b, 0, c, a.length, b.length);
            return c;
        });
    }

    @Test
    void everyExampleIsServedExactlyOncePerEpoch() {
        try (Loader loader = pipeline.loader(data, options(10, false, List.of(), 3, 2))) {
            assertEquals(11, loader.batchesPerEpoch());
            for (int epoch = 0; epoch < 2; epoch++) {
                List<int[]> batches = indices(loader, epoch);
                assertEquals(11, batches.size());
                assertEquals(3, batches.get(10).length, "the last batch holds the remainder");
                int[] all = batches.stream().flatMapToInt(Arrays::stream).sorted().toArray();
                assertArrayEquals(Seeds.identity(103), all);
            }
        }
    }

    @Test
    void dropLastLeavesOutTheShortBatch() {
        try (Loader loader = pipeline.loader(data, options(10, true, List.of(), 3, 2))) {
            assertEquals(10, loader.batchesPerEpoch());
            List<int[]> batches = indices(loader, 0);
            assertEquals(10, batches.size());
            assertTrue(batches.stream().allMatch(b -> b.length == 10));
        }
    }

    @Test
    void evaluationServesInOrder() {
        try (Loader loader = pipeline.loader(data, LoaderOptions.evaluation(50))) {
            List<int[]> batches = indices(loader, 0);
            assertArrayEquals(Seeds.identity(50), batches.get(0));
            assertEquals(3, batches.size());
        }
    }

    @Test
    void batchesCarryLabelsIndicesAndInputsOfTheirExamples() {
        try (Loader loader = pipeline.loader(data, options(8, false, List.of(), 1, 2)); Scope step = tensors.scope()) {
            Batch b = loader.epoch(0).next();
            Tensor inputs = b.inputs();
            assertSame(inputs, b.inputs(), "made once");
            assertArrayEquals(new int[] {8, 1, 2, 2}, inputs.shape().toArray());
            float[] x = inputs.toArray();
            float[] y = b.labels().toArray();
            int[] idx = b.indices();
            for (int k = 0; k < 8; k++) {
                assertEquals(idx[k], x[k * 4], "the first value of example " + k);
                assertEquals(idx[k] % 5, y[k], "the label of example " + k);
            }
        }
    }

    @Test
    void sameSeedGivesSameOrderAndAugmentationWhateverTheThreadTiming() {
        float[] inline;
        float[] prefetched;
        float[] deeper;
        try (Loader a = pipeline.loader(data, options(16, false, List.of(NOISE), 9, 0))) {
            inline = flat(epoch(a, 1));
        }
        try (Loader b = pipeline.loader(data, options(16, false, List.of(SLOW_NOISE), 9, 1))) {
            prefetched = flat(epoch(b, 1));
        }
        try (Loader c = pipeline.loader(data, options(16, false, List.of(SLOW_NOISE), 9, 5))) {
            epoch(c, 0);
            deeper = flat(epoch(c, 1));
        }
        assertArrayEquals(inline, prefetched, "prefetched on a background thread = prepared on the caller's");
        assertArrayEquals(inline, deeper, "epoch 1 does not depend on whether epoch 0 ran first");
    }

    @Test
    void epochsAndSeedsDiffer() {
        try (Loader loader = pipeline.loader(data, options(16, false, List.of(NOISE), 9, 2));
                Loader other = pipeline.loader(data, options(16, false, List.of(NOISE), 10, 2))) {
            int[] order0 = indices(loader, 0).stream().flatMapToInt(Arrays::stream).toArray();
            int[] order1 = indices(loader, 1).stream().flatMapToInt(Arrays::stream).toArray();
            assertFalse(Arrays.equals(order0, order1), "each epoch has its own order");
            assertFalse(Arrays.equals(order0, indices(other, 0).stream().flatMapToInt(Arrays::stream).toArray()));
        }
        // Without shuffling the order is fixed, so only the augmentation can tell the epochs apart.
        try (Loader loader = pipeline.loader(data, new LoaderOptions(16, false, false, List.of(NOISE), 9, 2))) {
            assertFalse(Arrays.equals(flat(epoch(loader, 0)), flat(epoch(loader, 1))), "each epoch augments anew");
        }
    }

    @Test
    void tensorsBelongToTheScopeOpenWhereTheyAreFirstRead() {
        try (Loader loader = pipeline.loader(data, options(8, false, List.of(), 1, 2)); Scope outer = tensors.scope()) {
            Iterator<Batch> it = loader.epoch(0);
            Batch batch;
            Tensor inputs;
            try (Scope step = tensors.scope()) {
                batch = it.next();
                inputs = batch.inputs();
                assertEquals(8 * 4, inputs.toArray().length);
            }
            IllegalStateException e = assertThrows(IllegalStateException.class, inputs::toArray);
            assertTrue(e.getMessage().contains("used after"), e.getMessage());
            Tensor labels = batch.labels();
            assertEquals(8, labels.toArray().length, "labels first read in the outer scope live in it");
        }
    }

    @Test
    void tensorsAreMadeOnTheCallersThreadAndNeedItsScope() {
        try (Loader loader = pipeline.loader(data, options(8, false, List.of(), 1, 2))) {
            Batch batch = loader.epoch(0).next();
            IllegalStateException e = assertThrows(IllegalStateException.class, batch::inputs);
            assertTrue(e.getMessage().contains("no open scope"), e.getMessage());
        }
    }
}
