/**
 * The standard transforms, each a {@link io.distillery.api.data.TransformProvider} service named in configs:
 * {@code normalize}, {@code random-crop}, {@code horizontal-flip}, {@code translate}, {@code gaussian-noise},
 * {@code cutout}, {@code rand-augment} for images, and {@code jitter}, {@code scaling}, {@code window-slice} for
 * time series. Every transform validates its options when it is created, naming the option at fault, and
 * draws all randomness from the generator it is handed. Private to the bundle: nothing here is exported.
 */
package io.distillery.data.transform;
