package io.distillery.data;

import java.util.List;

import io.distillery.api.data.Dataset;
import io.distillery.api.data.Transform;
import io.distillery.api.tensor.SeededRandom;
import io.distillery.api.tensor.Shape;

/**
 * Prepares batches: reads each example as floats and runs the transforms over it with a generator of its own,
 * seeded from the epoch's key and the example's index. Each example's augmentation therefore depends only on
 * (seed, epoch, index), whichever thread prepares it and whatever was prepared before.
 */
final class BatchMaker {
    private final Dataset dataset;
    private final List<Transform> transforms;
    private final Shape shape;

    /** @param dataset the examples @param transforms applied in order to each example */
    BatchMaker(Dataset dataset, List<Transform> transforms) {
        this.dataset = dataset;
        this.transforms = List.copyOf(transforms);
        this.shape = dataset.inputShape();
    }

    /**
     * @param plan the epoch
     * @param k the batch
     * @return the prepared batch
     */
    HostBatch make(EpochPlan plan, int k) {
        int n = plan.sizeOf(k);
        int from = plan.from(k);
        int size = shape.size();
        float[] inputs = new float[n * size];
        float[] labels = new float[n];
        int[] indices = new int[n];
        // A transform works on one example's own array, so transformed examples pass through this one.
        float[] example = transforms.isEmpty() ? null : new float[size];
        for (int b = 0; b < n; b++) {
            int i = plan.order()[from + b];
            indices[b] = i;
            labels[b] = dataset.label(i);
            if (example == null) {
                dataset.input(i, inputs, b * size);
            } else {
                dataset.input(i, example, 0);
                SeededRandom random = new SeededRandom(Seeds.derive(plan.augmentation(), i));
                for (Transform t : transforms) {
                    t.apply(example, shape, random);
                }
                System.arraycopy(example, 0, inputs, b * size, size);
            }
        }
        return new HostBatch(inputs, labels, indices);
    }
}
