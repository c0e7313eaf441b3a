/**
 * Tensor operations and their gradient rules, each a composition of backend kernels. Private to the bundle.
 */
package io.distillery.engine.ops;
