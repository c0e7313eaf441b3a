package io.distillery.api.tensor;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A pause in gradient recording on the calling thread, from {@link Tensors#noGrad()} until closed: for evaluation
 * and teacher forward passes. Closing twice does nothing. Implemented by the engine.
 */
@ProviderType
public interface NoGrad extends AutoCloseable {

    /** Turns recording back on (unless an enclosing pause is still open). */
    @Override
    void close();
}
