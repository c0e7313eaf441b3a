package io.distillery.cli;

import java.util.List;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * The {@code distill} commands in the Gogo shell: {@code distill:list [category]} and {@code distill:version}.
 *
 * <p>Gogo finds a command by the {@code osgi.command.*} properties of any service and calls its public methods
 * by name, printing what they return. The methods return their text instead of printing it, so a caller that
 * is not a shell (a test, say) gets the same output as a string.
 */
@Component(
        service = GogoCommands.class,
        property = {
            "osgi.command.scope=distill",
            "osgi.command.function=list",
            "osgi.command.function=version"
        })
public final class GogoCommands {

    private Catalog catalog;
    private String version;

    /** @param context this bundle's context */
    @Activate
    void activate(BundleContext context) {
        catalog = new RegistryCatalog(context);
        version = context.getBundle().getVersion().toString();
    }

    /** @return the registered services of every category */
    public String list() {
        return Listing.render(catalog, List.of(Category.values()));
    }

    /**
     * @param category a category id such as {@code strategies}
     * @return the registered services of that category
     * @throws IllegalArgumentException when no category has that id
     */
    public String list(String category) {
        Category shown = Category.byId(category).orElseThrow(() -> new IllegalArgumentException(
                "unknown category '" + category + "' (known: " + Category.ids() + ")"));
        return Listing.render(catalog, List.of(shown));
    }

    /** @return the Distillery version */
    public String version() {
        return "Distillery " + version;
    }
}
