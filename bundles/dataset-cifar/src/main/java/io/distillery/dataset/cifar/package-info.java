/**
 * The {@code cifar10} and {@code cifar100} dataset providers and their reader of the CIFAR binary format.
 * Private to the bundle: nothing here is exported.
 */
package io.distillery.dataset.cifar;
