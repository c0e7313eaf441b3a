package io.distillery.backend.tck;

import io.distillery.api.backend.Backend;

import org.junit.jupiter.api.Nested;

/**
 * The whole conformance suite: extend it, implement {@link #backend()}, and every kernel family runs against
 * that backend as a nested test class.
 *
 * <pre>{@code
 * class MyBackendTest extends BackendConformanceSuite {
 *     private static final Backend BACKEND = new MyBackend();
 *
 *     protected Backend backend() {
 *         return BACKEND;
 *     }
 * }
 * }</pre>
 *
 * <p>The family classes are public too, for a backend that wants to run one family alone.
 *
 * <p>Every family has cases large enough (tens of thousands of elements, products of a million multiply-adds,
 * convolutions of several blocks of images) for a backend that shares work among threads to do so: run the
 * suite with more than one thread configured.
 */
public abstract class BackendConformanceSuite {

    /**
     * The backend under test; called once or more per test, so return a shared instance.
     *
     * @return the backend
     */
    protected abstract Backend backend();

    @Nested
    class Memory extends MemoryConformance {
        @Override
        protected Backend backend() {
            return BackendConformanceSuite.this.backend();
        }
    }

    @Nested
    class Copy extends CopyConformance {
        @Override
        protected Backend backend() {
            return BackendConformanceSuite.this.backend();
        }
    }

    @Nested
    class Gemm extends GemmConformance {
        @Override
        protected Backend backend() {
            return BackendConformanceSuite.this.backend();
        }
    }

    @Nested
    class Unary extends UnaryConformance {
        @Override
        protected Backend backend() {
            return BackendConformanceSuite.this.backend();
        }
    }

    @Nested
    class Binary extends BinaryConformance {
        @Override
        protected Backend backend() {
            return BackendConformanceSuite.this.backend();
        }
    }

    @Nested
    class Select extends SelectConformance {
        @Override
        protected Backend backend() {
            return BackendConformanceSuite.this.backend();
        }
    }

    @Nested
    class Reductions extends ReductionConformance {
        @Override
        protected Backend backend() {
            return BackendConformanceSuite.this.backend();
        }
    }

    @Nested
    class Softmax extends SoftmaxConformance {
        @Override
        protected Backend backend() {
            return BackendConformanceSuite.this.backend();
        }
    }

    @Nested
    class Indexing extends IndexingConformance {
        @Override
        protected Backend backend() {
            return BackendConformanceSuite.this.backend();
        }
    }

    @Nested
    class Convolution extends ConvolutionConformance {
        @Override
        protected Backend backend() {
            return BackendConformanceSuite.this.backend();
        }
    }

    @Nested
    class Pooling extends PoolingConformance {
        @Override
        protected Backend backend() {
            return BackendConformanceSuite.this.backend();
        }
    }

    @Nested
    class FusedActivations extends FusedActivationConformance {
        @Override
        protected Backend backend() {
            return BackendConformanceSuite.this.backend();
        }
    }

    @Nested
    class FusedUpdates extends FusedUpdateConformance {
        @Override
        protected Backend backend() {
            return BackendConformanceSuite.this.backend();
        }
    }

    @Nested
    class Aside extends AsideConformance {
        @Override
        protected Backend backend() {
            return BackendConformanceSuite.this.backend();
        }
    }
}
