/**
 * Optimizers and learning-rate schedules behind the {@link io.distillery.api.nn.Optimizers} service, each
 * update one fused backend kernel per parameter. Private to the bundle.
 */
package io.distillery.engine.optim;
