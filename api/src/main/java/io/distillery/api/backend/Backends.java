package io.distillery.api.backend;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Which backend the engine computes on, and the user's say in it.
 *
 * <p>By default the engine follows the highest-ranked {@link Backend} service. When that changes (a backend
 * starts or stops, or one is pinned here), it moves every parameter and optimizer state to the new backend at
 * the next step boundary and carries on: no step is lost or repeated. If the last backend stops, its state is
 * kept on the host and the run pauses until a backend returns or a timeout passes. A service registered by the
 * engine.
 */
@ProviderType
public interface Backends {

    /** @return the name of the backend in use, or empty while none is available */
    Optional<String> current();

    /** @return the names of the available backends, the one the engine would choose first */
    List<String> available();

    /** @return the pinned backend's name, if the user pinned one */
    Optional<String> pinned();

    /**
     * Pins a backend, or returns to following the rankings. The move happens at the next step boundary.
     *
     * @param name a backend's name, or {@code null} to follow the highest-ranked one
     * @throws IllegalArgumentException if no backend of that name is available, listing those that are
     */
    void use(String name);
}
