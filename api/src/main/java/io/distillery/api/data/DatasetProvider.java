package io.distillery.api.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Opens data sets of one format. Register as a service with {@value #NAME} (the id configs use, such as
 * {@code mnist}) and {@value #DESCRIPTION}. Implemented by dataset bundles.
 */
@ConsumerType
public interface DatasetProvider {

    /** Service property: the format's short name. */
    String NAME = "dataset.name";

    /** Service property: a one-line description for listings. */
    String DESCRIPTION = "dataset.description";

    /**
     * Opens and validates a data set. Bad input fails with a message naming the file and what is wrong;
     * nothing is returned half-loaded.
     *
     * @param location where the files are, or {@code null} for the bundle's embedded default, if it has one
     * @param options format-specific options from the config
     * @return the training and test parts
     * @throws IOException if a file cannot be read or is malformed
     * @throws IllegalArgumentException naming an unknown or invalid option
     */
    DataSplits open(Path location, Map<String, Object> options) throws IOException;
}
