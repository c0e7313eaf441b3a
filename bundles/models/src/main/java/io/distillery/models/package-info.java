/**
 * The model zoo: one {@link io.distillery.api.nn.ModelFactory} component per architecture family
 * ({@code mlp}, {@code lenet5}, {@code alexnet-small}, {@code resnet}, {@code wrn}, {@code vgg-small}, {@code convnet}) and the
 * option parsing and blocks they share. Private to the bundle: nothing here is exported.
 */
package io.distillery.models;
