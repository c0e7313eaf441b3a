package io.distillery.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.stream.Stream;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import picocli.CommandLine.ExitCode;

/**
 * The {@code distill} commands in the Gogo shell: {@code distill:list [category]}, {@code distill:version},
 * {@code distill:backend [list | use NAME | use --auto]}, {@code distill:bench [options]} and
 * {@code distill:run CONFIG [options]}.
 *
 * <p>Gogo finds a command by the {@code osgi.command.*} properties of any service and calls its public methods
 * by name, printing what they return. The methods return their text instead of printing it, so a caller that
 * is not a shell (a test, say) gets the same output as a string. {@code backend} and {@code bench} take the
 * command line's arguments and run its commands; a usage error becomes an {@link IllegalArgumentException}, a
 * failure an {@link IllegalStateException}, each with the command line's one-line message.
 */
@Component(
        service = GogoCommands.class,
        property = {
            "osgi.command.scope=distill",
            "osgi.command.function=list",
            "osgi.command.function=version",
            "osgi.command.function=backend",
            "osgi.command.function=bench",
            "osgi.command.function=run"
        })
public final class GogoCommands {

    private BundleContext context;
    private Catalog catalog;
    private String version;

    /** @param context this bundle's context */
    @Activate
    void activate(BundleContext context) {
        this.context = context;
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

    /**
     * @param args what follows {@code distill backend} on the command line
     * @return what the command printed
     */
    public String backend(String... args) {
        return execute("backend", args);
    }

    /**
     * @param args what follows {@code distill bench} on the command line
     * @return the tables and JSON lines, once every configuration is measured
     */
    public String bench(String... args) {
        return execute("bench", args);
    }

    /**
     * @param args what follows {@code distill run} on the command line
     * @return the command's output
     */
    public String run(String... args) {
        return execute("run", args);
    }

    private String execute(String command, String[] args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] line = Stream.concat(Stream.of(command), Stream.of(args)).toArray(String[]::new);
        int code;
        try (RegistryServices services = new RegistryServices(context)) {
            Shell none = () -> {
                throw new IllegalStateException("already in the Gogo shell");
            };
            code = new Cli(catalog, version, none, services).execute(line, new PrintWriter(out), new PrintWriter(err));
        }
        if (code == 0) {
            return out.toString();
        }
        String message = err.toString().lines().findFirst().orElse("distill " + command + " exited with " + code);
        throw code == ExitCode.USAGE ? new IllegalArgumentException(message) : new IllegalStateException(message);
    }
}
