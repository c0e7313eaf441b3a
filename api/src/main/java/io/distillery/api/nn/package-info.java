/**
 * Modules, layers, optimizers and the model zoo's factory SPI.
 *
 * <p>A {@link io.distillery.api.nn.Module} is a function with named parameters and named sub-modules, so that
 * any layer can be reached, and its output tapped, by a dotted path such as {@code features.3.conv}. The engine
 * provides the standard layers through {@link io.distillery.api.nn.Layers} and the optimizers through
 * {@link io.distillery.api.nn.Optimizers}; model bundles register {@link io.distillery.api.nn.ModelFactory}
 * services that assemble architectures from them.
 */
@Export
@Version("1.0.0")
package io.distillery.api.nn;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
