package io.distillery.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distillery.api.run.Metrics;
import io.distillery.api.run.RunFailedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report a finished, failed, damaged or unusual run directory gets. */
class HtmlReportWriterTest {
    @TempDir
    Path dir;

    private final HtmlReportWriter writer = new HtmlReportWriter();

    @Test
    void aFinishedRunGetsTheComparisonTable() throws Exception {
        SampleRuns.full(dir);
        writer.runFinished(SampleRuns.run(dir, "mnist-kd-1"), Map.of());
        Page page = Page.of(dir);
        assertEquals("Distillery run mnist-kd-1", page.text("/html/head/title"));
        assertEquals(List.of("model", "test errors of 10,000", "test accuracy", "parameters", "MACs", "size", "latency"),
                page.texts("//table[@class='models']/thead/tr/th"));
        assertEquals(List.of("teacher", "132", "98.68 %", "2.40 M", "2.39 M", "9.58 MB", "0.412 ms"),
                page.texts("//tr[@data-role='teacher']/*"));
        assertEquals(List.of("baseline student", "161", "98.39 %", "1.28 M", "1.28 M", "5.11 MB", "0.213 ms"),
                page.texts("//tr[@data-role='baseline']/*"));
        assertEquals(List.of("distilled student", "148", "98.52 %", "1.28 M", "1.28 M", "5.11 MB", "0.209 ms"),
                page.texts("//tr[@data-role='student']/*"));
        assertEquals(List.of("gain over the baseline", "13 fewer test errors than the baseline (161 → 148, 8.07 %)",
                "gap to the teacher", "16 more test errors than the teacher (132 → 148, 12.1 %)",
                "parameters against the teacher", "0.53× the teacher's", "MACs against the teacher",
                "0.53× the teacher's", "size against the teacher", "0.53× the teacher's",
                "latency against the teacher", "0.51× the teacher's"), page.texts("//table[@class='against']//tr/*"));
        assertEquals("The run finished.", page.text("//p[contains(@class,'status')]"));
        assertTrue(page.texts("//section[@class='notes']").isEmpty(), "a complete run has nothing to note");
        assertTrue(page.text("//section[@class='config']/pre").contains("strategy: {name: kd, temperature: 20"));
    }

    @Test
    void everyPhaseGetsALossAndAnAccuracyPlot() throws Exception {
        SampleRuns.full(dir);
        writer.runFinished(SampleRuns.run(dir, "mnist-kd-1"), Map.of());
        Page page = Page.of(dir);
        assertEquals(List.of("teacher", "baseline", "student"), page.texts("//section[@class='phase']/h3"));
        assertEquals(List.of("teacher: loss terms", "teacher: accuracy", "baseline: loss terms", "baseline: accuracy",
                "student: loss terms", "student: accuracy"), page.texts("//svg/title"));
        assertEquals(List.of("ce", "loss"), series(page, "teacher", "loss terms"));
        assertEquals(List.of("kd", "ce", "loss"), series(page, "student", "loss terms"));
        assertEquals(List.of("train", "val", "test"), series(page, "student", "accuracy"));
        assertEquals(List.of("kd", "ce", "loss"),
                page.texts("//section[@data-phase='student']//svg[title='student: loss terms']/g[@class='legend']/g/title"));
        assertEquals("20 of 20 epochs · on nd4j · training time 2 min 10 s · 9.10 k samples/s on average"
                + " · waiting for data 0.400 s · learning rate 0.05 → 0.00675",
                page.text("//section[@data-phase='student']/p[@class='facts']"));
    }

    @Test
    void thePageNeedsNothingFromOutside() throws Exception {
        SampleRuns.full(dir);
        writer.runFinished(SampleRuns.run(dir, "mnist-kd-1"), Map.of());
        String source = Page.of(dir).source();
        for (String reference : List.of("<script", "<link", "src=", "href=", "url(", "@import", "@font-face")) {
            assertFalse(source.contains(reference), reference);
        }
    }

    @Test
    void theReportReplacesTheOldOneAndLeavesNoTemporaryFile() throws Exception {
        SampleRuns.full(dir);
        SampleRuns.write(dir, HtmlReportWriter.FILE, "stale");
        SampleRuns.write(dir, HtmlReportWriter.FILE + ".tmp", "left by a writer that was killed");
        writer.runFinished(SampleRuns.run(dir, "mnist-kd-1"), Map.of());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of("config.yaml", "metrics.jsonl", "report.html", "summary.json"),
                    files.map(f -> f.getFileName().toString()).sorted().toList());
        }
        assertTrue(Page.of(dir).source().startsWith("<!DOCTYPE html>"));
    }

    @Test
    void aFailedRunGetsAReportOfWhatItDid() throws Exception {
        SampleRuns.write(dir, "config.yaml", SampleRuns.CONFIG);
        SampleRuns.epochs(dir, "teacher", 0, 7, 20, 0.0132, List.of("ce"));
        writer.runFailed(SampleRuns.run(dir, "mnist-kd-2"), new RunFailedException(
                "loss 'ce' is NaN at teacher epoch 7 step 212; last good checkpoint teacher-6.safetensors", dir, null));
        Page page = Page.of(dir);
        assertEquals("The run failed: loss 'ce' is NaN at teacher epoch 7 step 212; last good checkpoint"
                + " teacher-6.safetensors", page.text("//p[@class='status failed']"));
        assertEquals("No model was measured on the test set.", page.text("//section[@class='models']/p"));
        assertTrue(page.texts("//section[@class='notes']").isEmpty(), "a failed run is expected to have no summary");
        assertTrue(page.text("//p[@class='facts']").startsWith("7 of 20 epochs"));
        assertEquals(List.of("teacher: loss terms", "teacher: accuracy"), page.texts("//svg/title"));
    }

    @Test
    void anyOtherFailureIsNamedByItsType() throws Exception {
        writer.runFailed(SampleRuns.run(dir, "r"), new IllegalStateException("no backend"));
        Page page = Page.of(dir);
        assertEquals("The run failed: java.lang.IllegalStateException: no backend",
                page.text("//p[@class='status failed']"));
        assertEquals(List.of("metrics.jsonl is missing: no epoch was recorded, so there is nothing to plot.",
                "config.yaml is missing; the config shown is the one the run was given, as JSON."),
                page.texts("//section[@class='notes']/ul/li"));
        assertTrue(page.text("//section[@class='config']/pre").contains("\"seed\" : 1"));
    }

    @Test
    void malformedLinesAreSkippedAndNamed() throws Exception {
        SampleRuns.full(dir);
        SampleRuns.append(dir, MetricsReader.FILE, "not json\n{\"stage\":0,\"epoch\":20}\n"
                + "{\"phase\":\"student\",\"epoch\":21,\"loss\":0.1}\n{\"phase\":\"student\",\"epo");
        writer.runFinished(SampleRuns.run(dir, "mnist-kd-3"), Map.of());
        List<String> notes = Page.of(dir).texts("//section[@class='notes']/ul/li");
        assertEquals(4, notes.size(), notes::toString);
        assertTrue(notes.get(0).startsWith("metrics.jsonl line 61 skipped: not valid JSON (Unrecognized token 'not'"),
                notes.get(0));
        assertEquals("metrics.jsonl line 62 skipped: no \"phase\" name.", notes.get(1));
        assertTrue(notes.get(2).startsWith("metrics.jsonl line 64 skipped: not valid JSON ("), notes.get(2));
        assertEquals("metrics.jsonl has no line for student stage 0 epoch 20 (counting from 0); the plots leave a gap"
                + " there.", notes.get(3));
        assertEquals(6, Page.of(dir).texts("//svg").size());
    }

    @Test
    void extraPhasesStagesAndLossTermsArePlotted() throws Exception {
        SampleRuns.epochs(dir, "teacher", 0, 4, 4, 0.0132, List.of("ce"));
        SampleRuns.epochs(dir, "assistant-1", 0, 4, 4, 0.014, List.of("kd", "ce", "at"));
        // A FitNets hint stage: an L2 loss in the hundreds, then KD below one.
        for (int epoch = 0; epoch < 3; epoch++) {
            SampleRuns.append(dir, MetricsReader.FILE, "{\"phase\":\"student\",\"stage\":0,\"epoch\":" + epoch
                    + ",\"epochs\":3,\"hint\":" + 300 / Math.pow(2, epoch) + "}\n");
        }
        SampleRuns.epochs(dir, "student", 1, 5, 5, 0.015, List.of("kd", "ce"));
        Map<String, Metrics> summary = new LinkedHashMap<>(SampleRuns.summary());
        summary.put("assistant-1", SampleRuns.model(0.986, 140, 1_800_000, 1_790_000, 7_200_000, 0.3));
        writer.runFinished(SampleRuns.run(dir, "takd"), summary);
        Page page = Page.of(dir);
        assertEquals(List.of("teacher", "assistant-1", "baseline", "student"), page.texts("//tbody/tr/@data-role"));
        assertEquals(List.of("kd", "ce", "at", "loss"), series(page, "assistant-1", "loss terms"));
        assertEquals(List.of("hint", "kd", "ce", "loss"), series(page, "student", "loss terms"));
        assertEquals(List.of("0.1", "1", "10", "100", "1000"),
                page.texts("//svg[title='student: loss terms']/g[@class='axes']/text[@text-anchor='end']"));
        assertEquals(List.of("stage 1", "stage 1"), page.texts("//section[@data-phase='student']//svg/text[.='stage 1']"));
        assertTrue(page.text("//section[@data-phase='student']/p[@class='facts']").startsWith("8 of 8 epochs in 2 stages"));
    }

    @Test
    void whatComesFromFilesIsEscaped() throws Exception {
        String hostile = "<script>alert('id')</script> & \"quotes\" \u0007";
        SampleRuns.write(dir, "config.yaml", "name: \"</pre><script>alert(1)</script>\"\n");
        SampleRuns.epochs(dir, "<img src=x onerror=alert(2)>", 0, 2, 2, 0.1, List.of("</svg><b>"));
        SampleRuns.write(dir, SummaryReader.FILE, SampleRuns.summaryJson(hostile, Map.of("<i>role</i>",
                SampleRuns.model(0.9, 10, 1, 1, 1, 1))));
        writer.runFinished(SampleRuns.run(dir, hostile), Map.of());
        Page page = Page.of(dir);
        assertFalse(page.source().contains("<script"), "no script element may appear");
        assertFalse(page.source().contains("<img"), "no img element may appear");
        assertEquals("Distillery run <script>alert('id')</script> & \"quotes\" \uFFFD", page.text("//h1"));
        assertEquals("name: \"</pre><script>alert(1)</script>\"", page.text("//pre"));
        assertEquals("<i>role</i>", page.text("//tbody/tr/th"));
        assertEquals(List.of("</svg><b>", "loss"), series(page, "<img src=x onerror=alert(2)>", "loss terms"));
    }

    @Test
    void theSummaryHandedToTheListenerIsUsedWithoutTheFile() throws Exception {
        SampleRuns.full(dir);
        Files.delete(dir.resolve(SummaryReader.FILE));
        writer.runFinished(SampleRuns.run(dir, "mnist-kd-1"), SampleRuns.summary());
        Page page = Page.of(dir);
        assertEquals("148", page.text("//tr[@data-role='student']/td[1]"));
        assertTrue(page.texts("//section[@class='notes']").isEmpty());
    }

    @Test
    void aRunWithoutSummaryIsNoted() throws Exception {
        SampleRuns.epochs(dir, "teacher", 0, 2, 2, 0.1, List.of("ce"));
        SampleRuns.write(dir, "config.yaml", SampleRuns.CONFIG);
        writer.runFinished(SampleRuns.run(dir, "r"), Map.of());
        assertEquals("summary.json is missing: there is no comparison of the models.",
                Page.of(dir).text("//section[@class='notes']/ul/li"));
    }

    @Test
    void aMalformedSummaryIsNoted() throws Exception {
        SampleRuns.write(dir, SummaryReader.FILE, "{\"teacher\": {\"test_errors\": 1");
        writer.runFinished(SampleRuns.run(dir, "r"), Map.of());
        assertTrue(Page.of(dir).texts("//section[@class='notes']/ul/li").get(1)
                .startsWith("summary.json is not valid JSON ("));
    }

    @Test
    void aDirectoryThatCannotBeWrittenIsLoggedNotThrown() {
        Path missing = dir.resolve("gone");
        writer.runFinished(SampleRuns.run(missing, "r"), Map.of());
        writer.runFailed(SampleRuns.run(missing, "r"), new IllegalStateException());
        assertFalse(Files.exists(missing));
    }

    private static List<String> series(Page page, String phase, String chart) throws Exception {
        return page.texts("//section[@data-phase=\"" + phase + "\"]//svg[title=\"" + phase + ": " + chart
                + "\"]/g[@class='series']/@data-series");
    }
}
