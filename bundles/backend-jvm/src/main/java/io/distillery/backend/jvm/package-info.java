/**
 * The pure-Java backend: {@link io.distillery.backend.jvm.JvmBackend} implements every kernel of the backend SPI
 * over on-heap {@code float[]} buffers, multi-threaded, with no native code.
 *
 * <p>It is the portable fallback and the reference every other backend is compared against. The kernels are
 * split by family into package-private classes; their loops are written so that HotSpot's C2 compiler turns
 * them into SIMD code: on Java 17 that happens only when every array in a loop is indexed by the same
 * expression, which is why many kernels stage data through small scratch arrays.
 */
package io.distillery.backend.jvm;
