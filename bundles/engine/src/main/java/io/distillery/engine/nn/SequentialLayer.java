package io.distillery.engine.nn;

import io.distillery.api.nn.AbstractModule;
import io.distillery.api.nn.Module;
import io.distillery.api.nn.Sequential;
import io.distillery.api.tensor.Tensor;

/** Layers applied one after another, in the order they were added. */
final class SequentialLayer extends AbstractModule implements Sequential {

    @Override
    public Sequential add(String name, Module layer) {
        child(name, layer);
        return this;
    }

    @Override
    protected Tensor compute(Tensor input) {
        Tensor x = input;
        for (Module m : children().values()) {
            x = m.forward(x);
        }
        return x;
    }

    @Override
    public String describe() {
        return "Sequential(" + String.join(", ", children().keySet()) + ")";
    }
}
