/** Ba and Caruana's logit regression. Private to the bundle: it registers a service and exports nothing. */
package io.distillery.strategy.logitmimic;
