package io.distillery.bench;

import io.distillery.api.nn.Layers;
import io.distillery.api.nn.Optimizers;
import io.distillery.api.tensor.Tensors;

/**
 * The engine services a workload is built from: the same ones any plugin gets.
 *
 * @param tensors makes tensors and scopes
 * @param layers makes layers
 * @param optimizers makes optimizers
 */
record Kit(Tensors tensors, Layers layers, Optimizers optimizers) {
}
