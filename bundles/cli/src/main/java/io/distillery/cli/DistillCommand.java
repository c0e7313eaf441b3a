package io.distillery.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The top-level {@code distill} command. It does nothing by itself: without a subcommand it is a usage error,
 * so that a bare {@code distill} shows what there is to run.
 */
@Command(
        name = "distill",
        scope = ScopeType.INHERIT,
        mixinStandardHelpOptions = true,
        description = "Knowledge distillation and model compression for the JVM.",
        subcommands = HelpCommand.class)
final class DistillCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "Missing command: choose one of "
                + String.join(", ", spec.subcommands().keySet()));
    }
}
