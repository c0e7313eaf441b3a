package io.distillery.api.data;

import java.util.Map;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Makes one kind of {@link Transform} from its config options, e.g. {@code {name: translate, pixels: 2}}.
 * Register as a service with {@value #NAME} and {@value #DESCRIPTION}. Implemented by the data pipeline
 * bundle for the standard transforms, and by any bundle that adds one.
 */
@ConsumerType
public interface TransformProvider {

    /** Service property: the transform's short name, used in configs. */
    String NAME = "transform.name";

    /** Service property: a one-line description for listings. */
    String DESCRIPTION = "transform.description";

    /**
     * @param options the config options other than {@code name}
     * @return the transform
     * @throws IllegalArgumentException naming an unknown option or an invalid value
     */
    Transform create(Map<String, Object> options);
}
