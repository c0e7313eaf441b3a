package io.distillery.data;

import java.util.Objects;

import io.distillery.api.data.Dataset;
import io.distillery.api.tensor.Shape;

/**
 * A data set that shows some examples of another, in a given order, without copying them. A view of a view
 * points straight at the original, so chains of splits cost one lookup.
 */
final class IndexedView implements Dataset {
    private final Dataset source;
    private final int[] indices;
    private final String name;

    /**
     * @param source the data set to show examples of
     * @param indices the examples, in order; copied
     * @param name the view's name
     * @throws IndexOutOfBoundsException naming the first index outside the source
     */
    IndexedView(Dataset source, int[] indices, String name) {
        this.name = Objects.requireNonNull(name, "name");
        for (int k = 0; k < indices.length; k++) {
            if (indices[k] < 0 || indices[k] >= source.size()) {
                throw new IndexOutOfBoundsException("index " + indices[k] + " at position " + k + " is outside "
                        + source.name() + ", which has " + source.size() + " examples");
            }
        }
        if (source instanceof IndexedView view) {
            this.source = view.source;
            this.indices = new int[indices.length];
            for (int k = 0; k < indices.length; k++) {
                this.indices[k] = view.indices[indices[k]];
            }
        } else {
            this.source = source;
            this.indices = indices.clone();
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int size() {
        return indices.length;
    }

    @Override
    public Shape inputShape() {
        return source.inputShape();
    }

    @Override
    public int classCount() {
        return source.classCount();
    }

    @Override
    public int label(int index) {
        return source.label(indices[Objects.checkIndex(index, indices.length)]);
    }

    @Override
    public void input(int index, float[] dst, int offset) {
        source.input(indices[Objects.checkIndex(index, indices.length)], dst, offset);
    }

    @Override
    public String toString() {
        return name + " (" + indices.length + " of " + source.name() + ")";
    }
}
