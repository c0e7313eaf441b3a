/** The labels-only baseline strategy. Private to the bundle: it registers a service and exports nothing. */
package io.distillery.strategy.baseline;
