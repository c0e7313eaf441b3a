/**
 * The ND4J backend: the {@link io.distillery.api.backend.Backend} SPI on ND4J's native CPU runtime.
 *
 * <p>Matrix products go to the OpenBLAS that ND4J ships, on buffers held in native memory by ND4J; every
 * element-wise, reduction and fused kernel is a plain Java loop over chunks of those buffers copied in bulk
 * into reused {@code float[]} scratch arrays, which measured several times faster here than ND4J's own small
 * operations. Nothing in this package is exported: the backend is reached as a service.
 */
package io.distillery.backend.nd4j;
