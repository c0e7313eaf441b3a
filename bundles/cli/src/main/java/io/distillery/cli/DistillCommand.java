package io.distillery.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The top-level {@code distill} command. It does nothing by itself: without a subcommand it is a usage error,
 * so that a bare {@code distill} shows what there is to run. Its {@code --backend} option is accepted by every
 * command, before or after the command's name; {@link Cli} acts on it.
 */
@Command(
        name = "distill",
        scope = ScopeType.INHERIT,
        mixinStandardHelpOptions = true,
        description = "Knowledge distillation and model compression for the JVM.",
        subcommands = HelpCommand.class)
final class DistillCommand implements Callable<Integer> {

    /** The option that pins a backend for the command. */
    static final String BACKEND = "--backend";

    @Spec
    CommandSpec spec;

    /** Bound for picocli's sake; {@link Cli} reads the value from the parse result, wherever it appeared. */
    @Option(names = BACKEND, paramLabel = "NAME", scope = ScopeType.INHERIT,
            description = "Computes on this backend: pins it before the command runs (see 'distill backend').")
    String backend;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "Missing command: choose one of "
                + String.join(", ", spec.subcommands().keySet()));
    }
}
