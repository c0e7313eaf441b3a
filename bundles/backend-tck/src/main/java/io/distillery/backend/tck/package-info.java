/**
 * The backend conformance suite: one JUnit 5 suite that every {@link io.distillery.api.backend.Backend} must
 * pass, checking each kernel against a double-precision reference written here, which is the specification.
 *
 * <p>A backend's test extends {@link io.distillery.backend.tck.BackendConformanceSuite} and says which backend
 * to test; every kernel family runs as a nested test class:
 *
 * <pre>{@code
 * class Nd4jBackendTest extends BackendConformanceSuite {
 *     private static final Backend BACKEND = new Nd4jBackend();
 *
 *     protected Backend backend() {
 *         return BACKEND;
 *     }
 * }
 * }</pre>
 *
 * <p>Inputs are seeded, so a failure repeats; it names the kernel, the shapes and the worst element. Each
 * kernel's allowed error is a named constant or rule in {@link io.distillery.backend.tck.Tolerances}.
 */
@Export
@Version("1.0.0")
package io.distillery.backend.tck;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
