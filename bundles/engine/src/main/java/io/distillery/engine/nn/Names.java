package io.distillery.engine.nn;

import java.util.Locale;

/** Lower-case, dash-separated names of enum constants, as descriptions and configs spell them. */
final class Names {
    private Names() {
    }

    static String of(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
