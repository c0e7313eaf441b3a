/**
 * The {@code distill} command: picocli commands that run inside the framework, started on the launcher's
 * main thread, and the same listings as Gogo shell commands in the {@code distill} scope.
 *
 * <p>Private to the bundle: nothing here is exported.
 */
package io.distillery.cli;
