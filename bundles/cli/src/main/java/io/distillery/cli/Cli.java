package io.distillery.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.ExecutionException;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.RunLast;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The {@code distill} command line: parses the arguments, runs the chosen command and returns its exit code.
 *
 * <p>Exit codes: 0 when the command succeeded, 1 when it failed (a one-line message goes to the error stream),
 * 2 for bad usage (unknown commands, options or names; the usage goes to the error stream). The option
 * {@code --backend NAME}, accepted by every command, pins that backend before the command runs.
 *
 * <pre>{@code
 * int code = new Cli(catalog, "0.1.0", shell, services).execute(new String[] {"list", "models"}, out, err);
 * }</pre>
 */
final class Cli {

    private final Catalog catalog;
    private final String version;
    private final Shell shell;
    private final Services services;

    /**
     * @param catalog where {@code list} reads the registered services
     * @param version the Distillery version {@code --version} prints
     * @param shell what {@code shell} runs
     * @param services the services other commands call
     */
    Cli(Catalog catalog, String version, Shell shell, Services services) {
        this.catalog = catalog;
        this.version = version;
        this.shell = shell;
        this.services = services;
    }

    /**
     * Runs one command line.
     *
     * @param args the arguments after {@code distill}
     * @param out where results go
     * @param err where usage and error messages go
     * @return the exit code
     */
    int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine line = new CommandLine(new DistillCommand());
        line.getCommandSpec().version("Distillery " + version);
        line.addSubcommand(new ListCommand(catalog));
        line.addSubcommand(new ShellCommand(shell));
        line.addSubcommand(new BackendCommand(services));
        line.addSubcommand(new BenchCommand(services));
        line.addSubcommand(new RunCommand(services));
        line.registerConverter(Category.class, Cli::category);
        line.setExecutionStrategy(this::pinThenRun);
        line.setOut(out);
        line.setErr(err);
        line.setParameterExceptionHandler(Cli::badUsage);
        line.setExecutionExceptionHandler((failure, failed, parsed) -> {
            failed.getErr().println("distill " + failed.getCommandName() + ": " + message(failure));
            return ExitCode.SOFTWARE;
        });
        try {
            return line.execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    /**
     * Pins the backend named by the last {@code --backend} on the line, if any, then runs the command. Errors
     * are reported against the command that would have run.
     */
    private int pinThenRun(ParseResult parsed) {
        Integer help = CommandLine.executeHelpRequest(parsed);
        if (help != null) {
            return help;
        }
        String name = null;
        CommandLine command = null;
        for (ParseResult p = parsed; p != null; p = p.subcommand()) {
            name = p.matchedOptionValue(DistillCommand.BACKEND, name);
            command = p.commandSpec().commandLine();
        }
        if (name != null) {
            try {
                BackendCommand.pin(services.backends(), name, command);
            } catch (ParameterException e) {
                throw e;
            } catch (RuntimeException e) {
                throw new ExecutionException(command, message(e), e);
            }
        }
        return new RunLast().execute(parsed);
    }

    /** Prints the message, then the usage unless the message is all there is to say or a suggestion fits. */
    private static int badUsage(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        if (e instanceof RunCommand.BadSetting) {
            err.println("distill " + command.getCommandName() + ": " + e.getMessage());
        } else {
            err.println(e.getMessage());
            if (!UnmatchedArgumentException.printSuggestions(e, err)) {
                command.usage(err);
            }
        }
        return ExitCode.USAGE;
    }

    private static Category category(String id) {
        return Category.byId(id).orElseThrow(() -> new TypeConversionException(
                "unknown category '" + id + "' (known: " + Category.ids() + ")"));
    }

    private static String message(Throwable failure) {
        String message = failure.getMessage();
        return message == null || message.isBlank() ? failure.toString() : message;
    }
}
