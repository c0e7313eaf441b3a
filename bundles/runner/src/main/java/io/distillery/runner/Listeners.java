package io.distillery.runner;

import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import io.distillery.api.run.EpochEvent;
import io.distillery.api.run.Metrics;
import io.distillery.api.run.RunInfo;
import io.distillery.api.run.RunListener;
import io.distillery.api.run.StepEvent;

/**
 * The registered run listeners, called in turn; one that throws is logged and skipped, never allowed to stop a
 * run.
 */
public final class Listeners implements RunListener {
    private static final System.Logger LOG = System.getLogger(Listeners.class.getName());
    private final List<RunListener> listeners = new CopyOnWriteArrayList<>();

    void add(RunListener listener) {
        listeners.add(listener);
    }

    void remove(RunListener listener) {
        listeners.remove(listener);
    }

    private void each(Consumer<RunListener> event) {
        for (RunListener l : listeners) {
            try {
                event.accept(l);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "run listener " + l + " failed; ignoring it for this event", e);
            }
        }
    }

    @Override
    public void runStarted(RunInfo run) {
        each(l -> l.runStarted(run));
    }

    @Override
    public void epochStarted(EpochEvent event) {
        each(l -> l.epochStarted(event));
    }

    @Override
    public void stepFinished(StepEvent event) {
        each(l -> l.stepFinished(event));
    }

    @Override
    public void epochFinished(EpochEvent event) {
        each(l -> l.epochFinished(event));
    }

    @Override
    public void runFinished(RunInfo run, Map<String, Metrics> summary) {
        each(l -> l.runFinished(run, summary));
    }

    @Override
    public void runFailed(RunInfo run, Throwable failure) {
        each(l -> l.runFailed(run, failure));
    }
}
