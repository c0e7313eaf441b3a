package io.distillery.backend.nd4j;

import io.distillery.api.backend.Backend;
import io.distillery.backend.tck.BackendConformanceSuite;

/** The ND4J backend against the conformance suite, with two threads so that its large cases are shared out. */
class Nd4jBackendTest extends BackendConformanceSuite {
    private static final Backend BACKEND = new Nd4jBackend(2);

    @Override
    protected Backend backend() {
        return BACKEND;
    }
}
