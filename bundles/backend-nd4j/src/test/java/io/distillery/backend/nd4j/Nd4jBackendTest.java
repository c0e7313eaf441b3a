package io.distillery.backend.nd4j;

import io.distillery.api.backend.Backend;
import io.distillery.backend.tck.BackendConformanceSuite;

/** The ND4J backend against the conformance suite, with two BLAS threads so that parallel products run. */
class Nd4jBackendTest extends BackendConformanceSuite {
    private static final Backend BACKEND = new Nd4jBackend(2);

    @Override
    protected Backend backend() {
        return BACKEND;
    }
}
