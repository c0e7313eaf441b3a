package io.distillery.engine.core;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import io.distillery.api.backend.Backend;

/**
 * The available backends and the rule that picks one: the pinned backend if the user pinned one and it is
 * available, otherwise the highest-ranked (the earliest registered among equals). Not thread-safe; the engine
 * guards it.
 */
final class Devices {
    private final List<Candidate> available = new ArrayList<>();
    private String pinned;
    private long registrations;

    record Candidate(Backend backend, String name, int ranking, long order) {
    }

    void add(Backend backend, String name, int ranking) {
        remove(backend);
        available.add(new Candidate(backend, name, ranking, registrations++));
    }

    void remove(Backend backend) {
        available.removeIf(c -> c.backend() == backend);
    }

    void pin(String name) {
        if (name != null && available.stream().noneMatch(c -> c.name().equals(name))) {
            throw new IllegalArgumentException("no backend named '" + name + "' is available; available: " + names());
        }
        pinned = name;
    }

    Optional<String> pinned() {
        return Optional.ofNullable(pinned);
    }

    /** @return the backend to use now, or {@code null} when none is available */
    Backend preferred() {
        List<Candidate> order = ordered();
        return order.isEmpty() ? null : order.get(0).backend();
    }

    String nameOf(Backend backend) {
        return available.stream().filter(c -> c.backend() == backend).map(Candidate::name).findFirst()
                .orElse(backend == null ? "none" : backend.name());
    }

    List<String> names() {
        return ordered().stream().map(Candidate::name).toList();
    }

    private List<Candidate> ordered() {
        List<Candidate> order = new ArrayList<>(available);
        order.sort(Comparator.comparing((Candidate c) -> !c.name().equals(pinned))
                .thenComparing(Comparator.comparingInt(Candidate::ranking).reversed())
                .thenComparingLong(Candidate::order));
        return order;
    }
}
