package io.distillery.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.DoubleStream;
import java.util.stream.IntStream;

/**
 * The epochs one phase logged, laid out on a single epoch axis: stage after stage, each as long as it was
 * planned, so that a strategy's stages (FitNets' hint stage, then KD) read left to right and a failed run shows
 * how far it got.
 */
final class PhaseLog {
    private final String name;
    private final List<EpochLine> lines;
    private final Map<Integer, Integer> offsets = new LinkedHashMap<>();
    private final int length;

    private PhaseLog(String name, List<EpochLine> lines) {
        this.name = name;
        this.lines = List.copyOf(lines);
        int offset = 0;
        for (Map.Entry<Integer, Integer> stage : stageLengths(lines).entrySet()) {
            offsets.put(stage.getKey(), offset);
            offset += stage.getValue();
        }
        this.length = offset;
    }

    /**
     * Groups lines by phase, in the order phases first appear, each in stage and epoch order. Where an epoch was
     * logged twice (a run resumed after writing its line but before its checkpoint) the later line counts.
     *
     * @param lines the lines of {@code metrics.jsonl}
     * @return one log per phase
     */
    static List<PhaseLog> group(List<EpochLine> lines) {
        Map<String, TreeMap<Long, EpochLine>> phases = new LinkedHashMap<>();
        for (EpochLine line : lines) {
            long order = ((long) line.stage() << 32) | line.epoch();
            phases.computeIfAbsent(line.phase(), p -> new TreeMap<>()).put(order, line);
        }
        List<PhaseLog> logs = new ArrayList<>();
        phases.forEach((phase, epochs) -> logs.add(new PhaseLog(phase, new ArrayList<>(epochs.values()))));
        return logs;
    }

    private static Map<Integer, Integer> stageLengths(List<EpochLine> lines) {
        Map<Integer, Integer> lengths = new TreeMap<>();
        lines.forEach(l -> lengths.merge(l.stage(), Math.max(l.epochs(), l.epoch() + 1), Math::max));
        return lengths;
    }

    /** @return the phase's name */
    String name() {
        return name;
    }

    /** @return its epochs, in stage and epoch order */
    List<EpochLine> lines() {
        return lines;
    }

    /** @return the stages it trained in, in order */
    Set<Integer> stages() {
        return offsets.keySet();
    }

    /** @return the epochs planned in the stages it started, which is the epoch axis' length */
    int plannedEpochs() {
        return length;
    }

    /**
     * @param line one of its lines
     * @return where the epoch lies on the axis, counting from 1 across stages
     */
    int position(EpochLine line) {
        return offsets.get(line.stage()) + line.epoch() + 1;
    }

    /** @return where each stage after the first starts on the axis, by stage */
    Map<Integer, Integer> stageStarts() {
        Map<Integer, Integer> starts = new LinkedHashMap<>(offsets);
        starts.remove(offsets.keySet().iterator().next());
        return starts;
    }

    /** @return the names of its measurements, in the order they first appear */
    Set<String> metricNames() {
        Set<String> names = new LinkedHashSet<>();
        lines.forEach(l -> names.addAll(l.metrics().keySet()));
        return names;
    }

    /**
     * @param metric a measurement's name
     * @return its finite values, epoch by epoch, where logged
     */
    DoubleStream values(String metric) {
        return lines.stream().map(l -> l.metrics().get(metric)).filter(v -> v != null && Double.isFinite(v))
                .mapToDouble(Double::doubleValue);
    }

    /**
     * @param metric a measurement's name
     * @param name the series' name
     * @return the measurement epoch by epoch, with a gap where a line lacks it, where an epoch is missing and
     *         between stages
     */
    Series series(String metric, String name) {
        List<Series.Point> points = new ArrayList<>();
        EpochLine previous = null;
        for (EpochLine line : lines) {
            int x = position(line);
            if (previous != null && (line.stage() != previous.stage() || x != position(previous) + 1)) {
                points.add(new Series.Point(x - 0.5, Double.NaN));
            }
            Double value = line.metrics().get(metric);
            points.add(new Series.Point(x, value == null ? Double.NaN : value));
            previous = line;
        }
        return new Series(name, points);
    }

    /** @return one sentence for each stage whose lines skip an epoch before its last logged one */
    List<String> gaps() {
        List<String> gaps = new ArrayList<>();
        for (int stage : stages()) {
            List<Integer> logged = lines.stream().filter(l -> l.stage() == stage).map(EpochLine::epoch).toList();
            List<String> missing = IntStream.range(0, logged.get(logged.size() - 1))
                    .filter(epoch -> !logged.contains(epoch)).mapToObj(String::valueOf).toList();
            if (!missing.isEmpty()) {
                gaps.add(MetricsReader.FILE + " has no line for " + name + " stage " + stage + " epoch"
                        + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing)
                        + " (counting from 0); the plots leave a gap there.");
            }
        }
        return gaps;
    }
}
