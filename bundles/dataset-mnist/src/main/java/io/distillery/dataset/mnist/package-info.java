/**
 * The {@code mnist} dataset provider: readers of the IDX format and the embedded MNIST. Private to the
 * bundle: nothing here is exported.
 */
package io.distillery.dataset.mnist;
