/**
 * Tensors with automatic differentiation: what strategies write their losses with.
 *
 * <p>{@link io.distillery.api.tensor.Tensor} is a float32 array with a {@link io.distillery.api.tensor.Shape}
 * that lives on whichever backend is current; {@link io.distillery.api.tensor.Tensors} makes and combines them
 * and opens the {@link io.distillery.api.tensor.Scope} that releases them. The engine implements both; plugins
 * only call them.
 */
@Export
@Version("1.1.0")
package io.distillery.api.tensor;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
