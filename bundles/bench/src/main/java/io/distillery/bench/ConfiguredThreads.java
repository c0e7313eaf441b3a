package io.distillery.bench;

import io.distillery.api.backend.Backend;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * Sets a backend's thread count through Configuration Admin: the {@value #PROPERTY} property of the configuration
 * {@value #PID_PREFIX}{@code <name>}. Declarative Services copies a component's configuration into its service
 * properties once the component has taken it up (after its modified method ran, or on the new registration of a
 * component that restarts for it), so the backend's service showing the new value is the signal to go on.
 * Closing restores each configuration touched: its old properties, or no configuration at all.
 */
final class ConfiguredThreads implements ThreadControl {
    static final String PID_PREFIX = "io.distillery.backend.";
    static final String PROPERTY = "threads";
    private static final long POLL_MILLIS = 10;

    private final ConfigurationAdmin admin;
    private final BundleContext context;
    private final Duration timeout;
    /** The properties each touched configuration had before, {@code null} where there was none. */
    private final Map<String, Dictionary<String, Object>> originals = new LinkedHashMap<>();

    /**
     * @param admin where configurations live
     * @param context whose registry shows the backends' properties
     * @param timeout how long a backend may take to use a new thread count
     */
    ConfiguredThreads(ConfigurationAdmin admin, BundleContext context, Duration timeout) {
        this.admin = admin;
        this.context = context;
        this.timeout = timeout;
    }

    @Override
    public void set(String backend, int threads) {
        String pid = PID_PREFIX + backend;
        Configuration configuration = configuration(pid);
        Dictionary<String, Object> current = configuration.getProperties();
        if (!originals.containsKey(pid)) {
            originals.put(pid, current == null ? null : copy(current));
        }
        Dictionary<String, Object> next = current == null ? new Hashtable<>() : copy(current);
        next.put(PROPERTY, threads);
        update(configuration, next);
        awaitThreads(backend, threads, pid);
    }

    @Override
    public void close() {
        originals.forEach((pid, properties) -> {
            Configuration configuration = configuration(pid);
            if (properties != null) {
                update(configuration, properties);
                return;
            }
            try {
                configuration.delete();
            } catch (IOException e) {
                throw new UncheckedIOException("could not delete the configuration " + pid, e);
            }
        });
        originals.clear();
    }

    private void awaitThreads(String backend, int threads, String pid) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!reports(backend, threads)) {
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("backend " + backend + " did not take up " + threads
                        + " threads within " + timeout.toSeconds() + " s of its configuration " + pid
                        + " changing: does it read a '" + PROPERTY + "' property from that configuration?");
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for backend " + backend, e);
            }
        }
    }

    private boolean reports(String backend, int threads) {
        try {
            return context.getServiceReferences(Backend.class, null).stream()
                    .filter(r -> backend.equals(r.getProperty(Backend.NAME)))
                    .map(r -> r.getProperty(PROPERTY))
                    .anyMatch(value -> Objects.equals(String.valueOf(threads), String.valueOf(value)));
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException("a null filter cannot be invalid", e);
        }
    }

    private Configuration configuration(String pid) {
        try {
            // "?" binds the configuration to no bundle in particular, so that whichever bundle registers the
            // backend receives it.
            return admin.getConfiguration(pid, "?");
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the configuration " + pid, e);
        }
    }

    private static void update(Configuration configuration, Dictionary<String, Object> properties) {
        try {
            configuration.update(properties);
        } catch (IOException e) {
            throw new UncheckedIOException("could not update the configuration " + configuration.getPid(), e);
        }
    }

    private static Dictionary<String, Object> copy(Dictionary<String, Object> properties) {
        Hashtable<String, Object> copy = new Hashtable<>();
        for (Enumeration<String> keys = properties.keys(); keys.hasMoreElements();) {
            String key = keys.nextElement();
            copy.put(key, properties.get(key));
        }
        return copy;
    }
}
