package io.distillery.cli;

import java.util.List;

/**
 * Renders the registered services of some categories as text: a heading per category, then one aligned line
 * per service with its name, its bundle and version, and its description; {@code (none)} for an empty category.
 *
 * <pre>
 * strategies:
 *   kd           io.distillery.strategy.kd 0.1.0  Soft targets at temperature T
 * datasets:
 *   (none)
 * </pre>
 */
final class Listing {

    private Listing() {}

    /**
     * Renders a listing.
     *
     * @param catalog where the services are read from
     * @param categories the categories to show, in order
     * @return the listing, one line per heading or service, each ending in a line separator
     */
    static String render(Catalog catalog, List<Category> categories) {
        StringBuilder out = new StringBuilder();
        for (Category category : categories) {
            out.append(category.id()).append(':').append(System.lineSeparator());
            appendEntries(out, catalog.entries(category));
        }
        return out.toString();
    }

    private static void appendEntries(StringBuilder out, List<ServiceEntry> entries) {
        if (entries.isEmpty()) {
            out.append("  (none)").append(System.lineSeparator());
            return;
        }
        // At least 1: a zero width is not a valid format.
        int nameWidth = Math.max(1, entries.stream().mapToInt(e -> e.name().length()).max().orElse(0));
        int bundleWidth = Math.max(1, entries.stream().mapToInt(e -> origin(e).length()).max().orElse(0));
        for (ServiceEntry entry : entries) {
            String line = String.format("  %-" + nameWidth + "s  %-" + bundleWidth + "s  %s",
                    entry.name(), origin(entry), entry.description());
            out.append(line.stripTrailing()).append(System.lineSeparator());
        }
    }

    private static String origin(ServiceEntry entry) {
        return entry.bundle() + " " + entry.version();
    }
}
