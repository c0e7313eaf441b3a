package io.distillery.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** What a chart draws. */
class LineChartTest {

    @Test
    void eachSeriesIsAGroupWithOneLinePerSegment() throws Exception {
        Series broken = new Series("ce", List.of(new Series.Point(1, 2), new Series.Point(2, 1),
                new Series.Point(2.5, Double.NaN), new Series.Point(3, 0.8), new Series.Point(4, 0.5)));
        Series lone = new Series("kd", List.of(new Series.Point(1, Double.NaN), new Series.Point(2, 1.5)));
        Page svg = render(new LineChart("s: loss terms", "loss", false, List.of(broken, lone), 4, Map.of(2, "stage 1")));
        assertEquals(List.of("ce", "kd"), svg.texts("/svg/g[@class='series']/@data-series"));
        assertEquals(2, svg.texts("/svg/g[@data-series='ce']/polyline").size());
        assertEquals(4, svg.texts("/svg/g[@data-series='ce']/circle").size());
        assertEquals(List.of(), svg.texts("/svg/g[@data-series='kd']/polyline"));
        assertEquals(1, svg.texts("/svg/g[@data-series='kd']/circle").size(), "a lone point still shows");
        assertEquals("stage 1", svg.text("/svg/text[. = 'stage 1']"));
        assertEquals(List.of("0", "1", "2", "3", "4"), svg.texts("/svg/g[@class='axes']/text[@text-anchor='middle']")
                .subList(0, 5));
    }

    @Test
    void longSeriesGoWithoutDotsAndLongNamesAreCutInTheLegend() throws Exception {
        Series many = new Series("a rather long loss term name", IntStream.rangeClosed(1, 100)
                .mapToObj(e -> new Series.Point(e, 1.0 / e)).toList());
        Page svg = render(new LineChart("t", "loss", false, List.of(many), 100, Map.of()));
        assertEquals(List.of(), svg.texts("//circle"));
        assertEquals("a rather long los…", svg.text("/svg/g[@class='legend']/g/text"));
        assertEquals("a rather long loss term name", svg.text("/svg/g[@class='legend']/g/title"));
    }

    private static Page render(LineChart chart) throws Exception {
        Markup m = new Markup();
        chart.render(m);
        return Page.parse(m.toString());
    }
}
