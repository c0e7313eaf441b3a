package io.distillery.cli;

import java.util.List;

/** The registered plugin services of each category, as the listing shows them. */
@FunctionalInterface
interface Catalog {

    /**
     * Reads what is registered now.
     *
     * @param category the kind of service
     * @return the services of that kind, sorted by name; empty when none is registered
     */
    List<ServiceEntry> entries(Category category);
}
