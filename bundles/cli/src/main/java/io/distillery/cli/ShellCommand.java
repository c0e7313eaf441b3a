package io.distillery.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code distill shell}: an interactive Gogo shell inside the running framework, until the user leaves it. */
@Command(name = "shell", description = "Starts an interactive Gogo shell in the running framework; "
        + "'exit 0' or the end of input (Ctrl-D) leaves it.")
final class ShellCommand implements Callable<Integer> {

    private final Shell shell;

    /** @param shell the shell to run */
    ShellCommand(Shell shell) {
        this.shell = shell;
    }

    @Override
    public Integer call() throws Exception {
        shell.run();
        return 0;
    }
}
