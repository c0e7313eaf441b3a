package io.distillery.cli;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * Runs an interactive Gogo shell session on the caller's thread, on the process's standard streams.
 *
 * <p>The only class that uses Gogo's API, whose package this bundle imports optionally: without Gogo the bundle
 * still resolves, and only {@code distill shell} fails, when this class cannot be loaded. The shell bundle
 * itself runs non-interactively ({@code gosh.args=--nointeractive}), so this is the one console there is;
 * {@code --noshutdown} keeps the session's end from stopping the framework, which {@code distill} stops
 * itself when the command returns.
 */
final class GogoShell {

    private GogoShell() {}

    /**
     * Runs {@code gosh --login --noshutdown} until the user leaves it.
     *
     * @param context the context used to find Gogo's command processor
     * @throws Exception when Gogo's command processor is not running or the session fails
     */
    static void run(BundleContext context) throws Exception {
        ServiceReference<CommandProcessor> reference = context.getServiceReference(CommandProcessor.class);
        CommandProcessor processor = reference == null ? null : context.getService(reference);
        if (processor == null) {
            throw new IllegalStateException("the Gogo shell is not running (no CommandProcessor service)");
        }
        // Gogo replaces System.out and System.err with per-thread streams that write to the session's streams;
        // handing them back to a session makes every write recurse. The file descriptors do not.
        try (CommandSession session = processor.createSession(new FileInputStream(FileDescriptor.in),
                new FileOutputStream(FileDescriptor.out), new FileOutputStream(FileDescriptor.err))) {
            session.execute("gosh --login --noshutdown");
        } finally {
            context.ungetService(reference);
        }
    }
}
