package io.distillery.report;

import io.distillery.api.run.Metrics;
import io.distillery.api.run.RunFailedException;
import io.distillery.api.run.RunInfo;
import io.distillery.api.run.RunListener;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.osgi.service.component.annotations.Component;

/**
 * Writes {@code report.html} into a run's directory when the run ends, finished or failed: the run's id, status
 * and config, the comparison of its models, and plots of each phase's loss terms and accuracies per epoch, read
 * from {@code metrics.jsonl}, {@code summary.json} and {@code config.yaml}. A failed run gets a report of what it
 * did. Writing the page takes milliseconds, so it happens on the calling thread; a failure to write it is logged
 * and never reaches the run.
 */
@Component(service = RunListener.class)
public final class HtmlReportWriter implements RunListener {
    /** The report's file name in a run directory. */
    static final String FILE = "report.html";

    private static final System.Logger LOG = System.getLogger(HtmlReportWriter.class.getName());

    private final RunReader reader = new RunReader(JsonFiles.mapper());

    @Override
    public void runFinished(RunInfo run, Map<String, Metrics> summary) {
        write(run, summary == null ? Map.of() : summary, Optional.empty());
    }

    @Override
    public void runFailed(RunInfo run, Throwable failure) {
        // A RunFailedException's message is written for people; any other failure is named by its type too.
        String why = failure instanceof RunFailedException && failure.getMessage() != null ? failure.getMessage()
                : String.valueOf(failure);
        write(run, Map.of(), Optional.of(why));
    }

    private void write(RunInfo run, Map<String, Metrics> summary, Optional<String> failure) {
        try {
            Path target = run.directory().resolve(FILE);
            AtomicFile.write(target, ReportPage.render(reader.read(run, summary, failure)));
            LOG.log(Level.DEBUG, "wrote {0}", target);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "no report for run {0} in {1}: {2}", run.id(), run.directory(), e);
        } catch (RuntimeException e) {
            // A bug of this bundle's: the stack trace is what it takes to fix it.
            LOG.log(Level.WARNING, "no report for run " + run.id() + " in " + run.directory(), e);
        }
    }
}
