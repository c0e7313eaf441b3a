/**
 * The {@code ucr} dataset provider and its readers of the UCR archive's TSV files and the UEA archive's
 * {@code .ts} files. Private to the bundle: nothing here is exported.
 */
package io.distillery.dataset.ucr;
