package io.distillery.report;

import java.util.DoubleSummaryStatistics;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;

/**
 * A line chart drawn as inline SVG: a title, a y axis (linear or logarithmic, see {@link Scale#of}) and an epoch
 * axis with ticks, labels and a grid, one coloured line per series with a legend, and dashed vertical markers
 * such as stage boundaries. Each series is a {@code g} element of class {@code series} whose
 * {@code data-series} attribute holds its name.
 *
 * @param title the chart's title
 * @param yLabel the y axis' title
 * @param percent whether the values are fractions to label in percent
 * @param series the lines, at least one with a finite point
 * @param xMax the end of the epoch axis, at least the largest x of any point
 * @param markers the x of each vertical marker, with its label
 */
record LineChart(String title, String yLabel, boolean percent, List<Series> series, int xMax,
        Map<Integer, String> markers) {
    private static final String SVG = "http://www.w3.org/2000/svg";
    /** Okabe and Ito's palette, which stays distinguishable to colour-blind readers, then neutral greys. */
    private static final String[] COLOURS = {"#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9",
        "#000000", "#999999"};
    private static final int WIDTH = 640;
    private static final int LEFT = 64;
    private static final int RIGHT = 494;
    private static final int TOP = 36;
    private static final int BOTTOM = 266;
    private static final int LEGEND_ROW = 18;
    /** Above this many points a series is drawn as a bare line; markers would merge into a smear. */
    private static final int MAX_DOTS = 60;
    private static final int MAX_LEGEND = 18;

    /** Copies the series and markers. */
    LineChart {
        series = List.copyOf(series);
        markers = Map.copyOf(markers);
    }

    /** @param m where to write the {@code svg} element */
    void render(Markup m) {
        DoubleSummaryStatistics values = series.stream().flatMap(s -> s.segments().stream()).flatMap(List::stream)
                .mapToDouble(Series.Point::y).summaryStatistics();
        Scale y = Scale.of(values.getMin(), values.getMax(), percent);
        Scale x = LinearScale.counting(Math.max(1, xMax));
        DoubleUnaryOperator px = v -> LEFT + x.position(v) * (RIGHT - LEFT);
        DoubleUnaryOperator py = v -> BOTTOM - y.position(v) * (BOTTOM - TOP);
        int height = Math.max(BOTTOM + 54, TOP + LEGEND_ROW * series.size() + 12);
        m.open("svg", "xmlns", SVG, "class", "chart", "viewBox", "0 0 " + WIDTH + " " + height, "role", "img",
                "font-family", "sans-serif", "font-size", 11);
        m.leaf("title", title);
        m.leaf("text", title, "x", LEFT, "y", 20, "font-size", 13, "font-weight", "bold");
        axes(m, x, y, px, py);
        markers.forEach((at, label) -> {
            String cx = coordinate(px.applyAsDouble(at + 0.5));
            m.empty("line", "x1", cx, "x2", cx, "y1", TOP, "y2", BOTTOM, "stroke", "#777", "stroke-dasharray", "4 3");
            m.leaf("text", label, "x", coordinate(px.applyAsDouble(at + 0.5) + 4), "y", TOP + 12, "fill", "#555");
        });
        for (int i = 0; i < series.size(); i++) {
            line(m, series.get(i), COLOURS[i % COLOURS.length], px, py);
        }
        legend(m);
        m.close();
    }

    private void axes(Markup m, Scale x, Scale y, DoubleUnaryOperator px, DoubleUnaryOperator py) {
        m.open("g", "class", "axes", "fill", "#333");
        for (double tick : y.ticks()) {
            String at = coordinate(py.applyAsDouble(tick));
            m.empty("line", "x1", LEFT, "x2", RIGHT, "y1", at, "y2", at, "stroke", "#e3e3e3");
            m.leaf("text", y.label(tick), "x", LEFT - 6, "y", at, "dy", "0.32em", "text-anchor", "end");
        }
        for (double tick : x.ticks()) {
            String at = coordinate(px.applyAsDouble(tick));
            m.empty("line", "x1", at, "x2", at, "y1", BOTTOM, "y2", BOTTOM + 5, "stroke", "#555");
            m.leaf("text", x.label(tick), "x", at, "y", BOTTOM + 18, "text-anchor", "middle");
        }
        m.empty("rect", "x", LEFT, "y", TOP, "width", RIGHT - LEFT, "height", BOTTOM - TOP, "fill", "none",
                "stroke", "#555");
        m.leaf("text", "epoch", "x", (LEFT + RIGHT) / 2, "y", BOTTOM + 38, "text-anchor", "middle");
        int middle = (TOP + BOTTOM) / 2;
        String title = y instanceof LogScale ? yLabel + " (log scale)" : yLabel;
        m.leaf("text", title, "x", 14, "y", middle, "text-anchor", "middle",
                "transform", "rotate(-90 14 " + middle + ")");
        m.close();
    }

    private static void line(Markup m, Series s, String colour, DoubleUnaryOperator px, DoubleUnaryOperator py) {
        m.open("g", "class", "series", "data-series", s.name(), "stroke", colour, "fill", colour);
        List<List<Series.Point>> segments = s.segments();
        boolean dots = segments.stream().mapToInt(List::size).sum() <= MAX_DOTS;
        for (List<Series.Point> segment : segments) {
            if (segment.size() > 1) {
                StringBuilder points = new StringBuilder();
                segment.forEach(p -> points.append(coordinate(px.applyAsDouble(p.x()))).append(',')
                        .append(coordinate(py.applyAsDouble(p.y()))).append(' '));
                m.empty("polyline", "points", points.toString().strip(), "fill", "none", "stroke-width", 1.8,
                        "stroke-linejoin", "round");
            }
            // A lone point has no line to show it, so it always gets its dot.
            if (dots || segment.size() == 1) {
                segment.forEach(p -> m.empty("circle", "cx", coordinate(px.applyAsDouble(p.x())),
                        "cy", coordinate(py.applyAsDouble(p.y())), "r", 2.4));
            }
        }
        m.close();
    }

    private void legend(Markup m) {
        m.open("g", "class", "legend", "fill", "#222");
        for (int i = 0; i < series.size(); i++) {
            String name = series.get(i).name();
            int row = TOP + 6 + i * LEGEND_ROW;
            m.open("g");
            m.leaf("title", name);
            m.empty("line", "x1", RIGHT + 16, "x2", RIGHT + 38, "y1", row, "y2", row,
                    "stroke", COLOURS[i % COLOURS.length], "stroke-width", 2.5);
            m.leaf("text", name.length() <= MAX_LEGEND ? name : name.substring(0, MAX_LEGEND - 1) + "…",
                    "x", RIGHT + 44, "y", row, "dy", "0.32em");
            m.close();
        }
        m.close();
    }

    /** A tenth of a unit is finer than any screen shows; rounding by hand is many times faster than a format. */
    private static String coordinate(double v) {
        return Double.toString(Math.round(v * 10) / 10.0);
    }
}
