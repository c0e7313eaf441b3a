package io.distillery.models;

import io.distillery.api.tensor.Shape;

/**
 * The shape of one input image as a convolutional model needs it, checked against what the model can take.
 *
 * @param model the model's name, for messages
 * @param channels the input channels
 * @param height the image height
 * @param width the image width
 */
record Image(String model, int channels, int height, int width) {

    /**
     * @param model the model's name, for messages
     * @param shape one example's shape, without the batch axis
     * @return the image
     * @throws IllegalArgumentException unless the shape is {@code [channels, height, width]}
     */
    static Image of(String model, Shape shape) {
        if (shape == null || shape.rank() != 3 || shape.size() == 0) {
            throw new IllegalArgumentException("model '" + model + "' needs image inputs [channels, height, width], got "
                    + shape);
        }
        return new Image(model, shape.dim(0), shape.dim(1), shape.dim(2));
    }

    /**
     * @param side the size both sides must have
     * @return this image
     * @throws IllegalArgumentException naming the size the model needs
     */
    Image exactly(int side) {
        if (height != side || width != side) {
            throw new IllegalArgumentException("model '" + model + "' needs " + side + "x" + side + " images, got " + this);
        }
        return this;
    }

    /**
     * @param side the size both sides must reach
     * @param why what the model does that needs it, for the message
     * @return this image
     * @throws IllegalArgumentException naming the smallest size the model takes
     */
    Image atLeast(int side, String why) {
        if (height < side || width < side) {
            throw new IllegalArgumentException("model '" + model + "' needs images of at least " + side + "x" + side
                    + " (" + why + "), got " + this);
        }
        return this;
    }

    /** @return {@code channels x height x width}, as messages show it */
    @Override
    public String toString() {
        return channels + "x" + height + "x" + width;
    }
}
