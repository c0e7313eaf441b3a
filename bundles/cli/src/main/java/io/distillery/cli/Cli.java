package io.distillery.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.TypeConversionException;

/**
 * The {@code distill} command line: parses the arguments, runs the chosen command and returns its exit code.
 *
 * <p>Exit codes: 0 when the command succeeded, 1 when it failed (a one-line message goes to the error stream),
 * 2 for bad usage (unknown commands or options; the usage goes to the error stream).
 *
 * <pre>{@code
 * int code = new Cli(catalog, "0.1.0", shell).execute(new String[] {"list", "models"}, out, err);
 * }</pre>
 */
final class Cli {

    private final Catalog catalog;
    private final String version;
    private final Shell shell;

    /**
     * @param catalog where {@code list} reads the registered services
     * @param version the Distillery version {@code --version} prints
     * @param shell what {@code shell} runs
     */
    Cli(Catalog catalog, String version, Shell shell) {
        this.catalog = catalog;
        this.version = version;
        this.shell = shell;
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
        line.registerConverter(Category.class, Cli::category);
        line.setOut(out);
        line.setErr(err);
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

    private static Category category(String id) {
        return Category.byId(id).orElseThrow(() -> new TypeConversionException(
                "unknown category '" + id + "' (known: " + Category.ids() + ")"));
    }

    private static String message(Throwable failure) {
        String message = failure.getMessage();
        return message == null || message.isBlank() ? failure.toString() : message;
    }
}
