package io.distillery.cli;

import io.distillery.api.run.Experiments;
import io.distillery.api.run.RunFailedException;
import io.distillery.api.run.RunRequest;
import io.distillery.api.run.RunSpec;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExecutionException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code distill run}: runs an experiment config, or continues a stopped run, with a progress bar per epoch, and
 * prints the comparison of teacher, baseline student and distilled student. A config, name or setting that is
 * wrong is bad usage (exit 2), reported before anything is written; a run that fails exits 1 and keeps what it
 * wrote.
 */
@Command(name = "run", description = {
    "Runs an experiment: trains the teacher (or loads it), the baseline student and the distilled student, and "
            + "writes the run directory (config, metrics.jsonl, summary.json, report.html, checkpoints).",
    "With --resume, continues a stopped run from its last checkpoints, with the config it stored."})
final class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "CONFIG", description = "The experiment config (YAML).")
    Path config;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Sets a config key, the value in YAML syntax, e.g. --set student.model.hidden=[400,400]. "
                    + "Repeatable.")
    List<String> sets = new ArrayList<>();

    @Option(names = "--resume", paramLabel = "RUN_DIR", description = "Continues the run in this directory.")
    Path resume;

    private final Services services;

    /** @param services where the run orchestrator is found */
    RunCommand(Services services) {
        this.services = services;
    }

    @Override
    public Integer call() throws Exception {
        if ((config == null) == (resume == null)) {
            throw usage(config == null ? "give an experiment config, or --resume RUN_DIR"
                    : "--resume continues a run with the config it stored: give the run directory alone");
        }
        if (resume != null && !sets.isEmpty()) {
            throw usage("--resume continues a run with the config it stored: --set cannot change it");
        }
        Experiments experiments = services.experiments();
        RunSpec runSpec;
        try {
            runSpec = experiments.configure(resume == null ? config : resume.resolve("config.yaml"), sets);
        } catch (IllegalArgumentException e) {
            throw new BadSetting(spec.commandLine(), e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        PrintWriter out = spec.commandLine().getOut();
        Experiments.Result result;
        try (AutoCloseable progress = services.listen(Progress.forTerminal(out))) {
            result = experiments.run(new RunRequest(runSpec, Optional.ofNullable(resume)));
        } catch (IllegalArgumentException e) {
            throw new BadSetting(spec.commandLine(), e.getMessage());
        } catch (RunFailedException e) {
            throw new ExecutionException(spec.commandLine(), e.getMessage(), e);
        }
        new SummaryTable(out).print(result.summary());
        out.println("run directory: " + result.run().directory());
        out.println("report: " + result.run().directory().resolve("report.html"));
        return 0;
    }

    /**
     * A config, name or setting that is wrong: bad usage, but the message says all there is, so the usage text is
     * not printed after it.
     */
    static final class BadSetting extends ParameterException {
        private static final long serialVersionUID = 1L;

        BadSetting(CommandLine line, String message) {
            super(line, message);
        }
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
