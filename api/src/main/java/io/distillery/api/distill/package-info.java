/**
 * Distillation strategies: the procedures that move knowledge from teachers to students.
 *
 * <p>A {@link io.distillery.api.distill.DistillationStrategy} service runs a whole procedure against a
 * {@link io.distillery.api.distill.DistillationContext}, which gives it the models, the data, the tensor
 * factory and the training loop. Per-step losses are {@link io.distillery.api.distill.LossTerm}s, so
 * strategies can be combined in one run.
 */
@Export
@Version("1.0.0")
package io.distillery.api.distill;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
