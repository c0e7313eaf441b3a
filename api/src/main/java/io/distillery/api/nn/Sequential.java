package io.distillery.api.nn;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A module that feeds its input through its children in the order they were added.
 * Made by {@link Layers#sequential()}; implemented by the engine.
 */
@ProviderType
public interface Sequential extends Module {

    /**
     * Appends a layer.
     *
     * @param name its name: non-empty, unique here, free of dots
     * @param layer the layer
     * @return this sequence
     */
    Sequential add(String name, Module layer);
}
