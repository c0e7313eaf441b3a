package io.distillery.cli;

import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code distill list [category]}: prints the registered plugin services of one category, or of all of them. */
@Command(name = "list", description = "Lists the registered plugin services: name, bundle and version, description.")
final class ListCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(
            arity = "0..1",
            paramLabel = "<category>",
            completionCandidates = CategoryIds.class,
            description = "One of: ${COMPLETION-CANDIDATES}. All of them when left out.")
    Category category;

    private final Catalog catalog;

    /** @param catalog where the registered services are read from */
    ListCommand(Catalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public Integer call() {
        List<Category> shown = category == null ? List.of(Category.values()) : List.of(category);
        spec.commandLine().getOut().print(Listing.render(catalog, shown));
        return 0;
    }

    /** The category ids, for the usage help. */
    static final class CategoryIds implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(Category.values()).map(Category::id).iterator();
        }
    }
}
