/**
 * The data pipeline: the {@link io.distillery.api.data.DataPipeline} service with its seeded splits and
 * prefetching loaders.
 *
 * <p>Randomness is derived, never drawn in sequence: an epoch's order from (seed, epoch), an example's
 * augmentation from (seed, epoch, example index), so results do not depend on thread timing or on where a run
 * resumed. Private to the bundle: nothing here is exported.
 */
package io.distillery.data;
