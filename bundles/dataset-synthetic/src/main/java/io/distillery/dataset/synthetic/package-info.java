/**
 * The {@code synthetic} dataset provider and its seeded generators. Private to the bundle: nothing here is
 * exported.
 */
package io.distillery.dataset.synthetic;
