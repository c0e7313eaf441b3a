package io.distillery.api.compress;

import java.util.Map;

import io.distillery.api.nn.Module;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Transforms a model to make it smaller or cheaper: quantize, binarize, prune. A compressed model is still a
 * {@link Module}, so it can be fine-tuned, distilled into and evaluated like any other. Register as a service
 * with {@value #NAME} and {@value #DESCRIPTION}. Implemented by compressor bundles.
 */
@ConsumerType
public interface Compressor {

    /** Service property: the method's short name, used in configs. */
    String NAME = "compressor.name";

    /** Service property: a one-line description for listings. */
    String DESCRIPTION = "compressor.description";

    /**
     * @param model the model to compress; not modified
     * @param options method-specific options from the config (bit width, sparsity, ...)
     * @return the compressed model, sharing nothing mutable with the original
     * @throws IllegalArgumentException naming an unknown or invalid option
     */
    Module compress(Module model, Map<String, Object> options);

    /**
     * @param model a model this compressor made
     * @param macs the model's multiply-accumulates per example, as measured by the caller
     * @return its size at its compressed bit width
     */
    ModelSize size(Module model, long macs);
}
