package io.distillery.api.tensor;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The lifetime of the tensors made while it is open; closing it releases them all at once.
 *
 * <p>Scopes nest per thread: {@link Tensors#scope()} opens one inside the current one. Every tensor an
 * operation makes belongs to the innermost open scope of the calling thread, together with the autograd tape
 * that records how it was made. The framework opens one scope per training step, so strategy code never
 * frees a tensor; a tensor used after its scope closed fails with a clear error instead of reading released
 * memory. Only parameters and optimizer state live outside scopes.
 *
 * <pre>{@code
 * try (Scope step = tensors.scope()) {
 *     Tensor loss = model.forward(x).logSoftmax(-1).mul(target).sum().neg();
 *     loss.backward();
 *     total += loss.item();
 * }   // every tensor above is released here
 * }</pre>
 *
 * Implemented by the engine.
 */
@ProviderType
public interface Scope extends AutoCloseable {

    /**
     * Moves a tensor made in this scope to the enclosing scope, so that it survives this one's closing.
     *
     * @param <T> the tensor type
     * @param tensor a tensor owned by this scope
     * @return the same tensor
     * @throws IllegalStateException if this scope has no enclosing scope, is closed, or does not own the tensor
     */
    <T extends Tensor> T keep(T tensor);

    /** Releases every tensor this scope still owns. Closing twice does nothing. */
    @Override
    void close();
}
