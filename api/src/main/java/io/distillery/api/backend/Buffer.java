package io.distillery.api.backend;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * An opaque block of float32 memory owned by one {@link Backend}.
 *
 * <p>Only the backend that allocated a buffer may read or write it; the engine passes it back unchanged.
 * Implemented by each backend.
 */
@ConsumerType
public interface Buffer {

    /** @return the number of float32 elements */
    long length();
}
