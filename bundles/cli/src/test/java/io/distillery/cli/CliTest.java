package io.distillery.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Exit codes and streams of the {@code distill} command line, without a framework. */
class CliTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final FakeBackends backends = new FakeBackends();
    private Services services = new FakeServices(backends, null);

    private int run(Shell shell, String... args) {
        Catalog catalog = category -> category == Category.STRATEGIES
                ? List.of(new ServiceEntry("kd", "io.distillery.strategy.kd", "0.1.0", "Soft targets"))
                : List.of();
        return new Cli(catalog, "1.2.3", shell, services).execute(args, new PrintWriter(out), new PrintWriter(err));
    }

    private int run(String... args) {
        return run(() -> {}, args);
    }

    @Test
    void versionPrintsTheDistilleryVersion() {
        assertEquals(0, run("--version"));
        assertEquals("Distillery 1.2.3", out.toString().strip());
    }

    @Test
    void listShowsEveryCategoryIncludingEmptyOnes() {
        assertEquals(0, run("list"));
        String listing = out.toString();
        for (Category category : Category.values()) {
            assertTrue(listing.contains(category.id() + ":"), () -> category.id() + " missing from:\n" + listing);
        }
        assertTrue(listing.contains("kd  io.distillery.strategy.kd 0.1.0  Soft targets"), listing);
        assertEquals(4, listing.split("\\(none\\)", -1).length - 1, listing);
        assertEquals("", err.toString());
    }

    @Test
    void listOfOneCategoryShowsOnlyThatOne() {
        assertEquals(0, run("list", "models"));
        assertEquals("models:" + System.lineSeparator() + "  (none)" + System.lineSeparator(), out.toString());
    }

    @Test
    void unknownCategoryIsBadUsage() {
        assertEquals(2, run("list", "teachers"));
        assertTrue(err.toString().contains("unknown category 'teachers' (known: strategies, datasets"), err::toString);
        assertTrue(err.toString().contains("Usage: distill list"), err::toString);
        assertEquals("", out.toString());
    }

    @Test
    void unknownCommandPrintsUsageToStderrAndExitsTwo() {
        assertEquals(2, run("frobnicate"));
        assertTrue(err.toString().contains("Usage: distill"), err::toString);
        assertEquals("", out.toString());
    }

    @Test
    void unknownOptionIsBadUsage() {
        assertEquals(2, run("list", "--bogus"));
        assertTrue(err.toString().contains("Unknown option: '--bogus'"), err::toString);
    }

    @Test
    void noCommandIsBadUsage() {
        assertEquals(2, run());
        assertTrue(err.toString().contains("Missing command"), err::toString);
        assertTrue(err.toString().contains("Usage: distill"), err::toString);
    }

    @Test
    void helpGoesToStdoutAndSucceeds() {
        assertEquals(0, run("list", "--help"));
        assertTrue(out.toString().contains("Usage: distill list"), out::toString);
        assertTrue(out.toString().contains("One of: strategies, datasets, models, backends,"), out::toString);
    }

    @Test
    void aFailingCommandExitsOneWithOneLine() {
        assertEquals(1, run(() -> {
            throw new IllegalStateException("no shell here");
        }, "shell"));
        assertEquals("distill shell: no shell here", err.toString().strip());
    }

    @Test
    void shellSucceedsWhenTheSessionEnds() {
        assertEquals(0, run("shell"));
    }

    @Test
    void theBackendOptionPinsBeforeTheCommandRunsWhereverItStands() {
        assertEquals(0, run("--backend", "jvm", "list", "models"));
        assertEquals(Optional.of("jvm"), backends.pinned());
        assertEquals(0, run("list", "models", "--backend", "nd4j"));
        assertEquals(Optional.of("nd4j"), backends.pinned());
    }

    @Test
    void anUnknownBackendIsBadUsageNamingTheKnownOnes() {
        assertEquals(2, run("--backend", "cuda", "list"));
        assertTrue(err.toString().startsWith("unknown backend 'cuda' (known: nd4j, jvm)"), err::toString);
        assertTrue(err.toString().contains("Usage: distill list"), err::toString);
        assertEquals("", out.toString(), "the command did not run");
        assertEquals(Optional.empty(), backends.pinned());
    }

    @Test
    void theBackendOptionWithoutAnEngineIsAFailedRun() {
        services = new FakeServices(null, null);
        assertEquals(1, run("--backend", "jvm", "list"));
        assertEquals("distill list: the engine is not running (no Backends service)", err.toString().strip());
    }

    @Test
    void helpDoesNotPin() {
        assertEquals(0, run("--backend", "cuda", "list", "--help"));
        assertTrue(out.toString().contains("--backend=NAME"), out::toString);
    }
}
