package io.distillery.data;

import io.distillery.api.data.Batch;
import io.distillery.api.tensor.Shape;
import io.distillery.api.tensor.Tensor;
import io.distillery.api.tensor.TensorData;
import io.distillery.api.tensor.Tensors;

/**
 * A batch whose tensors are made on first access, on the calling thread, so that they belong to the scope
 * open there; a batch whose labels are never read (unlabelled data) never uploads them.
 */
final class LazyBatch implements Batch {
    private final HostBatch host;
    private final Shape inputShape;
    private final Tensors tensors;
    private Tensor inputs;
    private Tensor labels;

    /**
     * @param host the prepared values
     * @param exampleShape the shape of one example
     * @param tensors the factory to make the tensors with
     */
    LazyBatch(HostBatch host, Shape exampleShape, Tensors tensors) {
        this.host = host;
        int[] dims = new int[exampleShape.rank() + 1];
        dims[0] = host.labels().length;
        System.arraycopy(exampleShape.toArray(), 0, dims, 1, exampleShape.rank());
        this.inputShape = Shape.of(dims);
        this.tensors = tensors;
    }

    @Override
    public Tensor inputs() {
        if (inputs == null) {
            inputs = tensors.of(inputShape, host.inputs());
        }
        return inputs;
    }

    @Override
    public TensorData inputData() {
        return new TensorData(inputShape, host.inputs());
    }

    @Override
    public Tensor labels() {
        if (labels == null) {
            labels = tensors.of(Shape.of(size()), host.labels());
        }
        return labels;
    }

    @Override
    public int size() {
        return host.labels().length;
    }

    @Override
    public int[] indices() {
        return host.indices().clone();
    }
}
