package io.distillery.api.distill;

import io.distillery.api.tensor.Tensor;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The output of one module of the teacher or the student, by dotted path ({@code stage2.block1}), as the current
 * step's forward pass computed it: what feature-based strategies (hints, attention, FSP matrices) compare. Made by
 * {@link DistillationContext#tapStudent} and {@link DistillationContext#tapTeacher}; implemented by the run
 * orchestrator. Close it to stop recording.
 */
@ProviderType
public interface Tap extends AutoCloseable {

    /** @return the tapped module's path */
    String path();

    /**
     * @return the module's output in the current step (with its gradient history for the student)
     * @throws IllegalStateException if the module has not run in this step
     */
    Tensor output();

    /** Stops recording. */
    @Override
    void close();
}
