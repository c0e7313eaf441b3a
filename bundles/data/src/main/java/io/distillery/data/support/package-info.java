/**
 * What every dataset bundle needs and would otherwise write again: a validated option reader, in-memory data
 * sets of bytes or floats, consistent class indices, file checks with clear errors, and text-cell parsing.
 *
 * <p>Private, and not exported: each dataset bundle copies this package into itself at build time with bnd's
 * {@code -conditionalpackage}, so the classes exist once in source and every bundle stays self-contained.
 */
package io.distillery.data.support;
