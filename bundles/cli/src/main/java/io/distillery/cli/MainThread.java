package io.distillery.cli;

import java.io.PrintWriter;
import java.util.Hashtable;
import java.util.concurrent.Callable;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * The program's main thread when the framework was started as the {@code distill} command line.
 *
 * <p>The bnd launcher hands its command line to the framework as the {@value #ARGUMENTS} property of a service it
 * registers, then waits for a {@link Callable} service with {@code main.thread=true}, runs it on the JVM's main
 * thread and exits with the number it returns. This component registers that {@code Callable} only when the
 * framework property {@value #ENABLE} is {@code true}: the distributions set it; in-framework tests must not,
 * because there the tester owns the main thread. The registration is made by hand rather than by DS for the
 * same reason: whether it exists depends on a framework property, not on other services. The launcher checks that
 * {@code call()} is declared to return {@link Integer}, so this is a named class rather than a lambda.
 */
@Component(immediate = true)
public final class MainThread implements Callable<Integer> {

    /** Framework property that makes this bundle the program's main thread. */
    static final String ENABLE = "distillery.cli";

    /** Property of the launcher's service that holds the command line. */
    static final String ARGUMENTS = "launcher.arguments";

    private BundleContext context;
    private ServiceRegistration<?> registration;

    /** @param context this bundle's context */
    @Activate
    void activate(BundleContext context) {
        this.context = context;
        if (!Boolean.parseBoolean(context.getProperty(ENABLE))) {
            return;
        }
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("main.thread", Boolean.TRUE);
        registration = context.registerService(Callable.class, this, properties);
    }

    @Deactivate
    void deactivate() {
        if (registration != null) {
            registration.unregister();
        }
    }

    /**
     * Runs the command line the launcher was given, on the standard streams.
     *
     * @return the exit code: 0 success, 1 a failed run, 2 bad usage
     */
    @Override
    public Integer call() {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        try (RegistryServices services = new RegistryServices(context)) {
            Cli cli = new Cli(new RegistryCatalog(context), context.getBundle().getVersion().toString(),
                    () -> shell(context), services);
            return cli.execute(arguments(context), out, err);
        } catch (RuntimeException e) {
            // A bug in the command line itself: the launcher would print a stack trace and exit 127.
            err.println("distill: internal error: " + e);
            return 1;
        }
    }

    private static void shell(BundleContext context) throws Exception {
        try {
            GogoShell.run(context);
        } catch (NoClassDefFoundError e) {
            throw new IllegalStateException("the Gogo shell is not part of this distribution", e);
        }
    }

    private static String[] arguments(BundleContext context) {
        try {
            ServiceReference<?>[] launchers = context.getServiceReferences((String) null, "(" + ARGUMENTS + "=*)");
            if (launchers != null && launchers[0].getProperty(ARGUMENTS) instanceof String[] args) {
                return args;
            }
            return new String[0];
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException("the launcher filter is a constant and valid", e);
        }
    }
}
