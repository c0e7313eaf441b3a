package io.distillery.cli;

import io.distillery.api.backend.Backends;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The engine's backend choice over two backends, nd4j ranked first, as the engine would keep it. */
final class FakeBackends implements Backends {
    private final List<String> ranked = List.of("nd4j", "jvm");
    private String pinned;

    @Override
    public Optional<String> current() {
        return Optional.of(pinned == null ? ranked.get(0) : pinned);
    }

    @Override
    public List<String> available() {
        List<String> order = new ArrayList<>(ranked);
        if (pinned != null) {
            order.remove(pinned);
            order.add(0, pinned);
        }
        return order;
    }

    @Override
    public Optional<String> pinned() {
        return Optional.ofNullable(pinned);
    }

    @Override
    public void use(String name) {
        if (name != null && !ranked.contains(name)) {
            throw new IllegalArgumentException("no backend named '" + name + "' is available");
        }
        pinned = name;
    }
}
