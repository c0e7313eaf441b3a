package io.distillery.plugins;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleException;
import org.osgi.framework.BundleListener;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.FrameworkListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * Reports, in one line, each plugin bundle that cannot be resolved or started, naming its file and the reason.
 *
 * <p>FileInstall installs (or updates) a plugin, refreshes it and starts it. When the start fails it says nothing
 * unless its log level is raised, and then it prints a stack trace, again at each retry. The framework gives the
 * reason only to whoever calls {@link Bundle#start(int)}, so this listener notes each plugin bundle that is
 * installed or updated and, once FileInstall's refresh of it is done, makes the same start call FileInstall makes
 * (with the activation policy, persistently) if the bundle is still unresolved, and reports why that fails.
 * Waiting for the refresh matters: a plugin started before it would be stopped and started again by it. A second
 * start of a bundle changes nothing. Plugins installed before this component was activated, at framework start,
 * are checked when it activates. When FileInstall is told not to start new bundles ({@value #START_NEW}{@code
 * =false}), neither does this. It listens through the bundle context, so it registers no service.
 */
@Component(service = {}, immediate = true)
public final class StartFailureReporter implements BundleListener, FrameworkListener {

    /** FileInstall's framework property that says whether it starts the bundles it installs (default true). */
    static final String START_NEW = "felix.fileinstall.bundles.new.start";

    private final Set<Bundle> awaitingRefresh = ConcurrentHashMap.newKeySet();
    private BundleContext context;
    private PluginFolder folder;
    private boolean startsNewBundles;

    /** @param context this bundle's context */
    @Activate
    void activate(BundleContext context) {
        this.context = context;
        this.folder = PluginFolder.of(context);
        this.startsNewBundles = !"false".equalsIgnoreCase(context.getProperty(START_NEW));
        context.addBundleListener(this);
        context.addFrameworkListener(this);
        for (Bundle bundle : context.getBundles()) {
            check(bundle);
        }
    }

    @Deactivate
    void deactivate() {
        context.removeFrameworkListener(this);
        context.removeBundleListener(this);
    }

    @Override
    public void bundleChanged(BundleEvent event) {
        int type = event.getType();
        boolean newContent = type == BundleEvent.INSTALLED || type == BundleEvent.UPDATED;
        if (newContent && folder.fileName(event.getBundle()) != null) {
            awaitingRefresh.add(event.getBundle());
        }
    }

    @Override
    public void frameworkEvent(FrameworkEvent event) {
        if (event.getType() == FrameworkEvent.PACKAGES_REFRESHED) {
            for (Bundle bundle : awaitingRefresh) {
                awaitingRefresh.remove(bundle);
                check(bundle);
            }
        }
    }

    private void check(Bundle bundle) {
        String file = folder.fileName(bundle);
        if (!startsNewBundles || file == null || bundle.getState() != Bundle.INSTALLED || isFragment(bundle)) {
            return;
        }
        try {
            bundle.start(Bundle.START_ACTIVATION_POLICY);
        } catch (BundleException | IllegalStateException e) {
            if (bundle.getState() != Bundle.UNINSTALLED) {
                PluginLog.report(file, "cannot start " + bundle.getSymbolicName() + " " + bundle.getVersion()
                        + ": " + PluginLog.reason(e));
            }
        }
    }

    private static boolean isFragment(Bundle bundle) {
        return bundle.getHeaders("").get(Constants.FRAGMENT_HOST) != null;
    }
}
