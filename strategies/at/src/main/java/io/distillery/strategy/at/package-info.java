/**
 * Attention transfer (Zagoruyko and Komodakis 2017): the {@code at} loss term and strategy. Private to the bundle:
 * it registers services and exports nothing.
 */
package io.distillery.strategy.at;
