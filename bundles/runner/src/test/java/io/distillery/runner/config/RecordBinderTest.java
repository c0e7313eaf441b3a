package io.distillery.runner.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Binding a strategy's config section to its parameter record. */
class RecordBinderTest {
    enum Mode { SOFT_TARGETS, HARD }

    record Params(double temperature, int hintEpochs, boolean normalize, Mode mode, List<String> layers) {
        public static final Params DEFAULTS = new Params(4, 10, true, Mode.SOFT_TARGETS, List.of());
    }

    record Strict(double alpha) {
        Strict {
            if (alpha > 1) {
                throw new IllegalArgumentException("alpha must be at most 1, got " + alpha);
            }
        }
    }

    @Test
    void keysAreSnakeCaseAndMissingOnesComeFromDefaults() {
        Params p = RecordBinder.bind(Params.class, Map.of("hint_epochs", 3, "mode", "hard", "layers", List.of("a", "b")),
                "strategy");
        assertEquals(new Params(4, 3, true, Mode.HARD, List.of("a", "b")), p);
        assertEquals("hint_epochs", RecordBinder.key("hintEpochs"));
    }

    @Test
    void errorsNameTheKeyPath() {
        assertTrue(message(Params.class, Map.of("temprature", 2)).contains(
                "unknown config key 'strategy.temprature'; did you mean 'temperature'?"));
        assertTrue(message(Params.class, Map.of("hint_epochs", 2.5)).contains("'strategy.hint_epochs' must be an integer"));
        assertTrue(message(Params.class, Map.of("mode", "soft")).contains(
                "'strategy.mode' must be one of [soft-targets, hard], got 'soft'"));
        assertTrue(message(Strict.class, Map.of()).contains("config key 'strategy.alpha' is missing"));
        assertTrue(message(Strict.class, Map.of("alpha", 2)).contains("config section 'strategy': alpha must be at most 1"));
    }

    private static String message(Class<? extends Record> type, Map<String, Object> values) {
        return assertThrows(IllegalArgumentException.class, () -> RecordBinder.bind(type, values, "strategy")).getMessage();
    }
}
