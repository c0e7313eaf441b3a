/**
 * The plugins folder: Felix FileInstall watches it and installs, starts, updates and uninstalls the bundles
 * dropped there; this package reports, in one line each on the standard error stream, what FileInstall
 * cannot turn into a running bundle.
 *
 * <p>Private to the bundle: nothing here is exported.
 */
package io.distillery.plugins;
