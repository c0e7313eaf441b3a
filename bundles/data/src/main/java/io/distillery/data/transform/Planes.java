package io.distillery.data.transform;

import java.util.Arrays;

import io.distillery.api.tensor.Shape;

/**
 * An example seen as a stack of 2-D planes, the geometric transforms' view of it: an image {@code [C, H, W]}
 * is {@code C} planes of {@code H × W}; a time series {@code [C, L]} is {@code C} planes of {@code 1 × L}.
 *
 * @param count the number of planes (channels)
 * @param height the rows of one plane
 * @param width the values in one row
 */
record Planes(int count, int height, int width) {

    /**
     * @param shape an example's shape: its last two axes are height and width, the axes before them channels
     * @param transform the transform asking, for the message
     * @return the planes
     * @throws IllegalArgumentException if the shape has fewer than two axes
     */
    static Planes image(Shape shape, String transform) {
        if (shape.rank() < 2) {
            throw new IllegalArgumentException("transform " + transform + " needs images of shape [C, H, W] or [H, W], got "
                    + shape);
        }
        int h = shape.dim(-2);
        int w = shape.dim(-1);
        return new Planes(h * w == 0 ? 0 : shape.size() / (h * w), h, w);
    }

    /**
     * @param shape an example's shape: its last axis is time, the axes before it channels
     * @param transform the transform asking, for the message
     * @return the planes, one row each
     * @throws IllegalArgumentException if the shape has no axes
     */
    static Planes series(Shape shape, String transform) {
        if (shape.rank() < 1) {
            throw new IllegalArgumentException("transform " + transform + " needs time series of shape [C, L] or [L], got "
                    + shape);
        }
        int length = shape.dim(-1);
        return new Planes(length == 0 ? 0 : shape.size() / length, 1, length);
    }

    /** @return the values in one plane */
    int area() {
        return height * width;
    }

    /**
     * Moves every plane's content by whole pixels; what moves in from outside is {@code fill}.
     *
     * @param x the example's values
     * @param dx columns to the right (negative: left)
     * @param dy rows down (negative: up)
     * @param fill the value of uncovered pixels
     */
    void shift(float[] x, int dx, int dy, float fill) {
        float[] plane = new float[area()];
        for (int c = 0; c < count; c++) {
            int base = c * area();
            System.arraycopy(x, base, plane, 0, area());
            for (int r = 0; r < height; r++) {
                int sr = r - dy;
                for (int q = 0; q < width; q++) {
                    int sq = q - dx;
                    boolean inside = sr >= 0 && sr < height && sq >= 0 && sq < width;
                    x[base + r * width + q] = inside ? plane[sr * width + sq] : fill;
                }
            }
        }
    }

    /** @param x the example's values, each row of each plane reversed in place */
    void flipHorizontally(float[] x) {
        for (int row = 0; row < count * height; row++) {
            for (int a = row * width, b = a + width - 1; a < b; a++, b--) {
                float v = x[a];
                x[a] = x[b];
                x[b] = v;
            }
        }
    }

    /**
     * Sets a rectangle, clipped to the plane, to one value in every plane.
     *
     * @param x the example's values
     * @param top the first row, may be negative
     * @param left the first column, may be negative
     * @param size the rectangle's side
     * @param value the value
     */
    void fillSquare(float[] x, int top, int left, int size, float value) {
        int r0 = Math.max(0, top);
        int r1 = Math.min(height, top + size);
        int q0 = Math.max(0, left);
        int q1 = Math.min(width, left + size);
        for (int c = 0; c < count; c++) {
            for (int r = r0; r < r1; r++) {
                int at = c * area() + r * width;
                Arrays.fill(x, at + q0, Math.max(at + q0, at + q1), value);
            }
        }
    }
}
