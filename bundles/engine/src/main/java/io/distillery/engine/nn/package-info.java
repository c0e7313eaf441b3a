/**
 * The standard layers behind the {@link io.distillery.api.nn.Layers} service. Private to the bundle.
 */
package io.distillery.engine.nn;
