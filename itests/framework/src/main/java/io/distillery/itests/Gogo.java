package io.distillery.itests;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;

/** Runs a command the way the Gogo shell does, through a session of the command processor. */
final class Gogo {

    private Gogo() {}

    /**
     * Runs one command line.
     *
     * @param processor Gogo's command processor
     * @param command the command line, such as {@code distill:list strategies}
     * @return what the command returned, as text (the shell would print it)
     * @throws Exception what the command threw
     */
    static String run(CommandProcessor processor, String command) throws Exception {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        ByteArrayInputStream noInput = new ByteArrayInputStream(new byte[0]);
        try (CommandSession session = processor.createSession(noInput, console, console)) {
            return String.valueOf(session.execute(command));
        }
    }
}
