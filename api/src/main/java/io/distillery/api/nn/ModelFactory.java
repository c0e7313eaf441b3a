package io.distillery.api.nn;

import io.distillery.api.tensor.Shape;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Builds one family of architectures (the model zoo's entries). Register as a service with {@value #NAME}
 * (a short id such as {@code mlp}, {@code resnet}) and {@value #DESCRIPTION}. Implemented by model bundles.
 */
@ConsumerType
public interface ModelFactory {

    /** Service property: the architecture's short name, used in configs. */
    String NAME = "model.name";

    /** Service property: a one-line description for listings. */
    String DESCRIPTION = "model.description";

    /**
     * @param spec the options from the config
     * @param inputShape the shape of one example, without the batch axis
     * @param classes the number of outputs
     * @param layers where to get layers, bound to the run's generator
     * @return the model, in training mode
     * @throws IllegalArgumentException naming an unknown or invalid option
     */
    Module create(ModelSpec spec, Shape inputShape, int classes, Layers layers);
}
