package io.distillery.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code distill backend}: the listing, pinning, unpinning and their errors. */
class BackendCommandTest {
    private static final String N = System.lineSeparator();

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final FakeBackends backends = new FakeBackends();

    private int run(String... args) {
        return new Cli(category -> List.of(), "1.2.3", () -> {}, new FakeServices(backends, null))
                .execute(args, new PrintWriter(out), new PrintWriter(err));
    }

    @Test
    void listsTheCurrentPinnedAndAvailableBackends() {
        assertEquals(0, run("backend"));
        assertEquals("current:   nd4j" + N + "pinned:    none (following the rankings)" + N
                + "available: nd4j, jvm (preferred first)" + N, out.toString());
        out.getBuffer().setLength(0);
        assertEquals(0, run("backend", "list", "--backend", "jvm"));
        assertEquals("current:   jvm" + N + "pinned:    jvm" + N + "available: jvm, nd4j (preferred first)" + N,
                out.toString());
    }

    @Test
    void usePinsABackend() {
        assertEquals(0, run("backend", "use", "jvm"));
        assertEquals(Optional.of("jvm"), backends.pinned());
        assertEquals("pinned backend jvm; the engine moves to it at the next step", out.toString().strip());
    }

    @Test
    void useAutoFollowsTheRankingsAgain() {
        backends.use("jvm");
        assertEquals(0, run("backend", "use", "--auto"));
        assertEquals(Optional.empty(), backends.pinned());
        assertEquals("following the rankings: nd4j, jvm", out.toString().strip());
    }

    @Test
    void anUnknownNameIsBadUsageNamingTheKnownOnes() {
        assertEquals(2, run("backend", "use", "cuda"));
        assertTrue(err.toString().startsWith("unknown backend 'cuda' (known: nd4j, jvm)"), err::toString);
        assertTrue(err.toString().contains("Usage: distill backend use"), err::toString);
        assertEquals(Optional.empty(), backends.pinned());
    }

    @Test
    void useNeedsANameOrAutoButNotBoth() {
        assertEquals(2, run("backend", "use"));
        assertTrue(err.toString().startsWith("give either a backend name or --auto"), err::toString);
        err.getBuffer().setLength(0);
        assertEquals(2, run("backend", "use", "jvm", "--auto"));
        assertTrue(err.toString().startsWith("give either a backend name or --auto"), err::toString);
        assertEquals(Optional.empty(), backends.pinned());
    }
}
