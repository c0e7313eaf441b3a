package io.distillery.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distillery.api.backend.Backends;
import java.util.Optional;
import org.apache.felix.service.command.CommandProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.test.common.annotation.InjectService;

/** {@code distill:backend} in Gogo shows and pins the engine's backend; an unknown name fails clearly. */
class BackendCommandIT {

    @InjectService
    CommandProcessor gogo;

    @InjectService
    Backends backends;

    @AfterEach
    void followTheRankings() {
        backends.use(null);
    }

    @Test
    void anUnknownBackendFailsNamingTheAvailableOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Gogo.run(gogo, "distill:backend use nope"));
        assertEquals("unknown backend 'nope' (known: " + String.join(", ", backends.available()) + ")",
                e.getMessage());
        assertEquals(Optional.empty(), backends.pinned());
    }

    @Test
    void usePinsTheBackendAndAutoFollowsTheRankingsAgain() throws Exception {
        assertEquals("pinned backend jvm; the engine moves to it at the next step",
                Gogo.run(gogo, "distill:backend use jvm").strip());
        assertEquals(Optional.of("jvm"), backends.pinned());
        String listing = Gogo.run(gogo, "distill:backend");
        assertTrue(listing.contains("pinned:    jvm"), listing);
        assertTrue(listing.contains("available: jvm"), listing);

        Gogo.run(gogo, "distill:backend use --auto");
        assertEquals(Optional.empty(), backends.pinned());
    }
}
