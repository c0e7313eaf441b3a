/**
 * FitNets (Romero et al. 2015): hint-based training of thin, deep students. Private to the bundle: it registers a
 * service and exports nothing.
 */
package io.distillery.strategy.fitnets;
