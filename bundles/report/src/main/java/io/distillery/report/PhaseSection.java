package io.distillery.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The report's section on one phase: a line of facts (epochs, stages, backend, time, throughput, learning rate),
 * a chart of its loss terms and a chart of its accuracies.
 */
final class PhaseSection {
    /** Measurements of speed and of the schedule: summed up in the facts line rather than plotted as losses. */
    private static final Set<String> OPERATIONAL = Set.of("samples_per_s", "learning_rate", "seconds", "data_wait_s");
    private static final String ACCURACY = "_accuracy";

    private PhaseSection() {}

    /**
     * @param m where to write the section
     * @param phase what the phase logged
     */
    static void render(Markup m, PhaseLog phase) {
        m.open("section", "class", "phase", "data-phase", phase.name());
        m.leaf("h3", phase.name());
        m.leaf("p", String.join(" · ", facts(phase)), "class", "facts");
        m.open("div", "class", "charts");
        // Every numeric field that is neither an accuracy nor operational is a loss term of the strategy's.
        chart(phase, "loss terms", "loss", false, name -> !name.endsWith(ACCURACY) && !OPERATIONAL.contains(name))
                .ifPresent(chart -> chart.render(m));
        chart(phase, "accuracy", "accuracy (%)", true, name -> name.endsWith(ACCURACY))
                .ifPresent(chart -> chart.render(m));
        m.close().close();
    }

    private static Optional<LineChart> chart(PhaseLog phase, String what, String yLabel, boolean percent,
            Predicate<String> metrics) {
        List<Series> series = phase.metricNames().stream().filter(metrics)
                .filter(name -> phase.values(name).findAny().isPresent())
                .map(name -> phase.series(name, percent ? name.substring(0, name.length() - ACCURACY.length()) : name))
                .toList();
        if (series.isEmpty()) {
            return Optional.empty();
        }
        Map<Integer, String> markers = new LinkedHashMap<>();
        phase.stageStarts().forEach((stage, start) -> markers.put(start, "stage " + stage));
        return Optional.of(new LineChart(phase.name() + ": " + what, yLabel, percent, series,
                phase.plannedEpochs(), markers));
    }

    private static List<String> facts(PhaseLog phase) {
        List<String> facts = new ArrayList<>();
        facts.add(phase.lines().size() + " of " + phase.plannedEpochs() + " epochs"
                + (phase.stages().size() > 1 ? " in " + phase.stages().size() + " stages" : ""));
        List<String> backends = phase.lines().stream().map(EpochLine::backend).filter(b -> !b.isEmpty())
                .distinct().toList();
        if (!backends.isEmpty()) {
            facts.add("on " + String.join(" → ", backends));
        }
        sum(phase, "seconds").ifPresent(s -> facts.add("training time " + Numbers.duration(s)));
        phase.values("samples_per_s").average().ifPresent(v -> facts.add(Numbers.count(v) + " samples/s on average"));
        sum(phase, "data_wait_s").ifPresent(s -> facts.add("waiting for data " + Numbers.duration(s)));
        double[] rates = phase.values("learning_rate").toArray();
        if (rates.length > 0) {
            facts.add("learning rate " + Numbers.brief(rates[0])
                    + (rates.length > 1 ? " → " + Numbers.brief(rates[rates.length - 1]) : ""));
        }
        return facts;
    }

    private static Optional<Double> sum(PhaseLog phase, String metric) {
        return phase.values(metric).boxed().reduce(Double::sum);
    }
}
