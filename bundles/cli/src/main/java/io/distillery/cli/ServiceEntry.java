package io.distillery.cli;

/**
 * An immutable line of a listing: one registered plugin service.
 *
 * @param name the service's short name (its {@code *.name} property)
 * @param bundle the symbolic name of the bundle that registered it
 * @param version that bundle's version
 * @param description the first line of its {@code *.description} property, or an empty string
 */
record ServiceEntry(String name, String bundle, String version, String description) {}
