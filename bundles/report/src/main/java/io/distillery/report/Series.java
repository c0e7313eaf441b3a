package io.distillery.report;

import java.util.ArrayList;
import java.util.List;

/**
 * One line of a chart: named points in order, drawn joined except across a gap.
 *
 * @param name the name the legend shows
 * @param points the points in x order; a point whose y is not finite is a gap (an epoch without this value, a
 *        stage boundary, a diverged loss)
 */
record Series(String name, List<Point> points) {

    /**
     * A point of a series.
     *
     * @param x its position along the x axis
     * @param y its value, not finite for a gap
     */
    record Point(double x, double y) {
    }

    /** Copies the points. */
    Series {
        points = List.copyOf(points);
    }

    /** @return the runs of finite points between gaps, each to be drawn as one line */
    List<List<Point>> segments() {
        List<List<Point>> segments = new ArrayList<>();
        List<Point> current = new ArrayList<>();
        for (Point p : points) {
            if (Double.isFinite(p.y())) {
                current.add(p);
            } else if (!current.isEmpty()) {
                segments.add(current);
                current = new ArrayList<>();
            }
        }
        if (!current.isEmpty()) {
            segments.add(current);
        }
        return segments;
    }
}
