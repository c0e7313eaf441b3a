package io.distillery.backend.jvm;

import io.distillery.api.backend.Backend;
import io.distillery.backend.tck.BackendConformanceSuite;

/** The JVM backend against the conformance suite, with two threads so that the parallel paths run. */
class JvmBackendTest extends BackendConformanceSuite {
    private static final JvmBackend BACKEND = new JvmBackend(2);

    @Override
    protected Backend backend() {
        return BACKEND;
    }
}
