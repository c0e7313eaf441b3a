/**
 * The hardware SPI: a fixed, small set of float32 kernels over opaque device buffers.
 *
 * <p>A {@link io.distillery.api.backend.Backend} knows nothing about autograd, layers or training; the engine
 * composes everything else from these kernels. A backend bundle registers one as a service with the
 * properties {@code backend.name} and {@code service.ranking}; the engine follows the highest-ranked one.
 * Every backend must pass the backend conformance suite ({@code io.distillery.backend.tck}).
 */
@Export
@Version("1.2.0")
package io.distillery.api.backend;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
