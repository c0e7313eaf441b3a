package io.distillery.cli;

import io.distillery.api.backend.Backends;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code distill backend [list]}: which backend the engine computes on, which are available and which is pinned;
 * {@code distill backend use NAME} pins one and {@code distill backend use --auto} follows the rankings again.
 * A pin lasts as long as the framework runs: for one command line, or a whole shell session.
 */
@Command(name = "backend", description = "Shows the backend the engine computes on, or pins one ('use').")
final class BackendCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    private final Services services;

    /** @param services where the engine's backend choice is found */
    BackendCommand(Services services) {
        this.services = services;
    }

    @Override
    public Integer call() {
        return list();
    }

    @Command(name = "list", description = "Shows the backend in use, the pinned one and all available ones.")
    int list() {
        Backends backends = services.backends();
        PrintWriter out = spec.commandLine().getOut();
        out.println("current:   " + backends.current().orElse("none"));
        out.println("pinned:    " + backends.pinned().orElse("none (following the rankings)"));
        out.println("available: " + names(backends.available()) + " (preferred first)");
        return 0;
    }

    @Command(name = "use", description = "Pins a backend for as long as the framework runs; the engine moves to it "
            + "at the next step. --auto follows the rankings again.")
    int use(@Parameters(arity = "0..1", paramLabel = "NAME", description = "A backend's name.") String name,
            @Option(names = "--auto", description = "Unpin: use the highest-ranked backend.") boolean auto) {
        CommandLine command = spec.commandLine().getSubcommands().get("use");
        if (auto == (name != null)) {
            throw new ParameterException(command, "give either a backend name or --auto");
        }
        Backends backends = services.backends();
        if (auto) {
            backends.use(null);
            command.getOut().println("following the rankings: " + names(backends.available()));
        } else {
            pin(backends, name, command);
            command.getOut().println("pinned backend " + name + "; the engine moves to it at the next step");
        }
        return 0;
    }

    /**
     * Pins a backend by name.
     *
     * @param backends the engine's backend choice
     * @param name the backend's name
     * @param command the command line to blame for an unknown name
     * @throws ParameterException naming the known backends when none has that name
     */
    static void pin(Backends backends, String name, CommandLine command) {
        List<String> known = backends.available();
        if (!known.contains(name)) {
            throw new ParameterException(command, "unknown backend '" + name + "' (known: " + names(known) + ")");
        }
        backends.use(name);
    }

    private static String names(List<String> names) {
        return names.isEmpty() ? "none" : String.join(", ", names);
    }
}
