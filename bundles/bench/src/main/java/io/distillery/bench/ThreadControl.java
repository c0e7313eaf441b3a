package io.distillery.bench;

/** Sets backends' thread counts for a benchmark, and puts them back as they were when closed. */
interface ThreadControl extends AutoCloseable {

    /**
     * Sets a backend's thread count and returns once the backend uses it.
     *
     * @param backend the backend's name
     * @param threads the thread count
     * @throws IllegalStateException if the backend does not take the count up in reasonable time
     */
    void set(String backend, int threads);

    /** Restores every thread count this control changed. */
    @Override
    void close();
}
