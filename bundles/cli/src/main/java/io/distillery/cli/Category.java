package io.distillery.cli;

import io.distillery.api.backend.Backend;
import io.distillery.api.compress.Compressor;
import io.distillery.api.data.DatasetProvider;
import io.distillery.api.distill.DistillationStrategy;
import io.distillery.api.nn.ModelFactory;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A kind of plugin service that {@code distill list} shows: its id on the command line, its service
 * interface and the service properties that carry its name and one-line description.
 */
enum Category {
    STRATEGIES("strategies", DistillationStrategy.class, DistillationStrategy.NAME, DistillationStrategy.DESCRIPTION),
    DATASETS("datasets", DatasetProvider.class, DatasetProvider.NAME, DatasetProvider.DESCRIPTION),
    MODELS("models", ModelFactory.class, ModelFactory.NAME, ModelFactory.DESCRIPTION),
    BACKENDS("backends", Backend.class, Backend.NAME, Backend.DESCRIPTION),
    COMPRESSORS("compressors", Compressor.class, Compressor.NAME, Compressor.DESCRIPTION);

    private final String id;
    private final Class<?> service;
    private final String nameProperty;
    private final String descriptionProperty;

    Category(String id, Class<?> service, String nameProperty, String descriptionProperty) {
        this.id = id;
        this.service = service;
        this.nameProperty = nameProperty;
        this.descriptionProperty = descriptionProperty;
    }

    /** @return the id used on the command line and as the listing's heading, such as {@code strategies} */
    String id() {
        return id;
    }

    /** @return the service interface whose registrations this category lists */
    Class<?> service() {
        return service;
    }

    /** @return the service property holding a registration's short name */
    String nameProperty() {
        return nameProperty;
    }

    /** @return the service property holding a registration's one-line description */
    String descriptionProperty() {
        return descriptionProperty;
    }

    /**
     * Finds a category by its id.
     *
     * @param id a category id such as {@code models}
     * @return the category, or empty when no category has that id
     */
    static Optional<Category> byId(String id) {
        return Arrays.stream(values()).filter(c -> c.id.equals(id)).findFirst();
    }

    /** @return the ids of all categories, comma separated, for error messages and usage help */
    static String ids() {
        return Arrays.stream(values()).map(Category::id).collect(Collectors.joining(", "));
    }
}
