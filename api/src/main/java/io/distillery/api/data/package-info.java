/**
 * Data sets and their loaders: what dataset bundles implement and strategies consume.
 *
 * <p>A {@link io.distillery.api.data.DatasetProvider} service opens one on-disk format; a
 * {@link io.distillery.api.data.Dataset} holds examples compactly and writes one into a float array on
 * request; the engine's loader shuffles, transforms and batches them into {@link io.distillery.api.data.Batch}es.
 */
@Export
@Version("1.1.0")
package io.distillery.api.data;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
