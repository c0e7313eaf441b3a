/**
 * Compression: quantization, binarization and pruning of trained or training models, and their size.
 *
 * <p>A {@link io.distillery.api.compress.Compressor} service transforms a model and reports what it
 * costs in a {@link io.distillery.api.compress.ModelSize}.
 */
@Export
@Version("1.0.0")
package io.distillery.api.compress;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
