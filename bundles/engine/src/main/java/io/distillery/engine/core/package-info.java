/**
 * The engine's core: {@link io.distillery.engine.core.Engine} (backend, buffer pool, scopes, gradient mode,
 * persistent storages), the tensor and parameter implementations, and reverse-mode autograd. Private to the
 * bundle.
 */
package io.distillery.engine.core;
