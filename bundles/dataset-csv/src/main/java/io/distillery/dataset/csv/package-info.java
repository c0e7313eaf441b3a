/**
 * The {@code csv} dataset provider and its reader of numeric CSV tables. Private to the bundle: nothing here is
 * exported.
 */
package io.distillery.dataset.csv;
