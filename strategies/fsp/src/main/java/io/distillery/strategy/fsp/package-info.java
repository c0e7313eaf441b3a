/**
 * The flow of solution procedure (Yim et al. 2017): the {@code fsp} loss term and strategy. Private to the bundle:
 * it registers services and exports nothing.
 */
package io.distillery.strategy.fsp;
