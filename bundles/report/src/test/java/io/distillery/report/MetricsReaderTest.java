package io.distillery.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What is read from metrics.jsonl, and what is skipped and said. */
class MetricsReaderTest {
    @TempDir
    Path dir;

    private final MetricsReader reader = new MetricsReader(JsonFiles.mapper());

    @Test
    void everyNumericFieldButTheFixedOnesIsAMeasurement() {
        MetricsReader.Result result = read("{\"phase\":\"student\",\"stage\":1,\"epoch\":3,\"epochs\":20,\"backend\":"
                + "\"jvm\",\"loss\":0.4,\"note\":\"text\",\"hint\":null,\"val_accuracy\":0.97,\"spikes\":12}");
        assertEquals(List.of(), result.problems());
        assertEquals(new EpochLine("student", 1, 3, 20, "jvm", Map.of("loss", 0.4, "val_accuracy", 0.97,
                "spikes", 12.0)), result.lines().get(0));
        assertEquals(List.of("loss", "val_accuracy", "spikes"), List.copyOf(result.lines().get(0).metrics().keySet()));
    }

    @Test
    void stageEpochsAndBackendAreOptional() {
        assertEquals(new EpochLine("teacher", 0, 0, 0, "", Map.of()), read("{\"phase\":\"teacher\",\"epoch\":0}")
                .lines().get(0));
    }

    @Test
    void aDivergedLossIsReadAsNotANumber() {
        MetricsReader.Result result = read("{\"phase\":\"s\",\"epoch\":0,\"loss\":NaN,\"kd\":Infinity}");
        assertTrue(Double.isNaN(result.lines().get(0).metrics().get("loss")));
        assertEquals(Double.POSITIVE_INFINITY, result.lines().get(0).metrics().get("kd"));
    }

    @Test
    void blankLinesAndWindowsLineEndsAreFine() {
        MetricsReader.Result result = read("{\"phase\":\"s\",\"epoch\":0}\r\n\r\n  \n{\"phase\":\"s\",\"epoch\":1}\r\n");
        assertEquals(List.of(), result.problems());
        assertEquals(2, result.lines().size());
    }

    @Test
    void unusableLinesAreSkippedWithTheirNumberAndReason() {
        MetricsReader.Result result = read(String.join("\n", "[1, 2]", "{\"epoch\":0}", "{\"phase\":\" \",\"epoch\":0}",
                "{\"phase\":\"s\"}", "{\"phase\":\"s\",\"epoch\":-1}", "{\"phase\":\"s\",\"epoch\":1.5}",
                "{\"phase\":\"s\",\"epoch\":0,\"stage\":\"two\"}", "{\"phase\":\"s\",\"epoch\":0}{\"phase\":\"s\"}",
                "{\"phase\":\"s\",\"epoch\":0}"));
        assertEquals(1, result.lines().size());
        assertEquals(List.of("metrics.jsonl line 1 skipped: not a JSON object.",
                "metrics.jsonl line 2 skipped: no \"phase\" name.",
                "metrics.jsonl line 3 skipped: no \"phase\" name.",
                "metrics.jsonl line 4 skipped: no \"epoch\" number.",
                "metrics.jsonl line 5 skipped: \"epoch\" must be a whole number of at least 0, got -1.",
                "metrics.jsonl line 6 skipped: \"epoch\" must be a whole number of at least 0, got 1.5.",
                "metrics.jsonl line 7 skipped: \"stage\" must be a whole number of at least 0, got \"two\"."),
                result.problems().subList(0, 7));
        assertTrue(result.problems().get(7).startsWith("metrics.jsonl line 8 skipped: not valid JSON (Trailing token"),
                result.problems().get(7));
    }

    @Test
    void aFileOfGarbageGetsTwentyNotesAndACount() {
        MetricsReader.Result result = read("garbage\n".repeat(1000));
        assertEquals(21, result.problems().size());
        assertTrue(result.problems().get(19).startsWith("metrics.jsonl line 20 skipped: not valid JSON"
                + " (Unrecognized token 'garbage'"), result.problems().get(19));
        assertEquals("metrics.jsonl: 980 more lines skipped.", result.problems().get(20));
    }

    @Test
    void malformedUtf8IsReplacedNotFatal() throws Exception {
        Files.write(dir.resolve(MetricsReader.FILE), new byte[] {'{', '"', 'p', 'h', 'a', 's', 'e', '"', ':', '"',
            (byte) 0xFF, '"', ',', '"', 'e', 'p', 'o', 'c', 'h', '"', ':', '0', '}'});
        MetricsReader.Result result = reader.read(dir);
        assertEquals("\uFFFD", result.lines().get(0).phase());
    }

    @Test
    void aMissingFileIsSaid() {
        assertEquals(List.of("metrics.jsonl is missing: no epoch was recorded, so there is nothing to plot."),
                reader.read(dir).problems());
    }

    private MetricsReader.Result read(String text) {
        SampleRuns.write(dir, MetricsReader.FILE, text);
        return reader.read(dir);
    }
}
