package io.distillery.cli;

import io.distillery.api.run.EpochEvent;
import io.distillery.api.run.Metrics;
import io.distillery.api.run.RunListener;
import io.distillery.api.run.StepEvent;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * The progress of a run on the terminal: on a terminal, a progress bar per epoch with samples per second and the
 * running loss (me.tongfei:progressbar); otherwise (a pipe, a CI log) one plain line per finished epoch.
 */
abstract class Progress implements RunListener {

    /**
     * @param out where the plain lines go when there is no terminal
     * @return the display that fits where the output goes
     */
    static Progress forTerminal(PrintWriter out) {
        return System.console() != null ? new Bars(out) : new Lines(out);
    }

    static String title(EpochEvent e) {
        return String.format(Locale.ROOT, "%s %d/%d", e.phase(), e.epoch() + 1, e.epochs());
    }

    /** @return the epoch's measurements in one line: losses, accuracies, speed */
    static String summary(Metrics m) {
        StringBuilder line = new StringBuilder();
        for (Map.Entry<String, Double> e : m.values().entrySet()) {
            String k = e.getKey();
            if (k.endsWith("accuracy")) {
                line.append(String.format(Locale.ROOT, " %s %.2f%%", k.replace("_accuracy", ""), 100 * e.getValue()));
            } else if (k.equals("samples_per_s")) {
                line.append(String.format(Locale.ROOT, " %.0f samples/s", e.getValue()));
            } else if (k.equals("seconds")) {
                line.append(String.format(Locale.ROOT, " %.1f s", e.getValue()));
            } else if (!k.equals("learning_rate") && !k.equals("data_wait_s")) {
                line.append(String.format(Locale.ROOT, " %s %.4f", k, e.getValue()));
            }
        }
        return line.toString().trim();
    }

    /** One line per epoch, for logs. */
    private static class Lines extends Progress {
        private final PrintWriter out;

        Lines(PrintWriter out) {
            this.out = out;
        }

        @Override
        public void epochFinished(EpochEvent e) {
            out.println(title(e) + " on " + e.backend() + ": " + summary(e.metrics()));
            out.flush();
        }
    }

    /**
     * A bar per epoch that fills as the steps finish, on the error stream so that results stay on the output, then
     * the epoch's line: the whole summary is wider than a terminal's bar leaves room for.
     */
    private static final class Bars extends Lines {
        private ProgressBar bar;
        private long started;
        private long examples;
        private double lossSum;
        private int steps;

        Bars(PrintWriter out) {
            super(out);
        }

        @Override
        public void epochStarted(EpochEvent e) {
            close();
            started = System.nanoTime();
            examples = 0;
            lossSum = 0;
            steps = 0;
            bar = new ProgressBarBuilder().setTaskName(title(e)).setStyle(ProgressBarStyle.ASCII)
                    .setConsumer(new ConsoleProgressBarConsumer(System.err)).build();
        }

        @Override
        public void stepFinished(StepEvent e) {
            if (bar == null) {
                return;
            }
            bar.maxHint(e.stepsPerEpoch());
            examples += e.examples();
            steps++;
            lossSum += e.losses().values().getOrDefault("loss", Double.NaN);
            double seconds = (System.nanoTime() - started) / 1e9;
            bar.stepTo(e.step() + 1L);
            bar.setExtraMessage(String.format(Locale.ROOT, "loss %.4f, %.0f samples/s", lossSum / steps, examples / seconds));
        }

        @Override
        public void epochFinished(EpochEvent e) {
            close();
            super.epochFinished(e);
        }

        private void close() {
            if (bar != null) {
                bar.close();
                bar = null;
            }
        }
    }
}
