package io.distillery.cli;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * A {@link Catalog} read live from the service registry each time it is asked.
 *
 * <p>It looks at service references only and never gets a service object, so listing does not activate a lazy
 * component (a backend that would load native code, say). Registrations whose API package is not the one this
 * bundle is wired to are left out: the framework could not use them either.
 */
final class RegistryCatalog implements Catalog {

    private static final Comparator<ServiceEntry> ORDER =
            Comparator.comparing(ServiceEntry::name).thenComparing(ServiceEntry::bundle);

    private final BundleContext context;

    /** @param context the context whose registry view is listed */
    RegistryCatalog(BundleContext context) {
        this.context = context;
    }

    @Override
    public List<ServiceEntry> entries(Category category) {
        List<ServiceEntry> entries = new ArrayList<>();
        for (ServiceReference<?> reference : references(category)) {
            Bundle bundle = reference.getBundle();
            if (bundle == null) {
                continue; // unregistered while we were looking
            }
            entries.add(new ServiceEntry(
                    text(reference.getProperty(category.nameProperty()), "(unnamed)"),
                    bundle.getSymbolicName(),
                    bundle.getVersion().toString(),
                    firstLine(text(reference.getProperty(category.descriptionProperty()), ""))));
        }
        entries.sort(ORDER);
        return entries;
    }

    private Collection<? extends ServiceReference<?>> references(Category category) {
        try {
            return context.getServiceReferences(category.service(), null);
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException("a null filter cannot be invalid", e);
        }
    }

    private static String text(Object value, String fallback) {
        return value == null ? fallback : value.toString().strip();
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end).strip();
    }
}
