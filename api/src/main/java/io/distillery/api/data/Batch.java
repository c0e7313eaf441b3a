package io.distillery.api.data;

import io.distillery.api.tensor.Tensor;
import io.distillery.api.tensor.TensorData;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A batch of examples. Its tensors are made on first call of {@link #inputs()} or {@link #labels()}, on the
 * calling thread, and belong to the scope open there then (the step's). Made by the data pipeline's loader.
 */
@ProviderType
public interface Batch {

    /** @return the inputs, {@code [size, ...inputShape]} */
    Tensor inputs();

    /**
     * @return the inputs as host values, {@code [size, ...inputShape]}, for work on another thread (see
     *     {@code Tensors.aside}), where this batch's tensors do not belong
     */
    TensorData inputData();

    /** @return the integer-valued labels, {@code [size]} */
    Tensor labels();

    /** @return the number of examples */
    int size();

    /** @return the examples' indices in their data set, which lets caches key on them */
    int[] indices();
}
