package io.distillery.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** How the report writes numbers. */
class NumbersTest {

    @Test
    void countsGetThreeSignificantDigitsAndAPrefix() {
        assertEquals("1.23 M", Numbers.count(1_234_567));
        assertEquals("41.0 M", Numbers.count(41_000_000));
        assertEquals("950", Numbers.count(950));
        assertEquals("12.5", Numbers.count(12.5));
        assertEquals("0", Numbers.count(0));
        assertEquals("1.20 G", Numbers.count(1.2e9));
    }

    @Test
    void roundingUpMovesToTheNextPrefix() {
        assertEquals("1.00 M", Numbers.count(999_600));
        assertEquals("1.00 kB", Numbers.bytes(999.7));
    }

    @Test
    void bytesGetADecimalUnit() {
        assertEquals("812 B", Numbers.bytes(812));
        assertEquals("3.18 MB", Numbers.bytes(3_180_000));
        assertEquals("9.58 MB", Numbers.bytes(9_580_840));
    }

    @Test
    void fractionsArePercentWithTwoDecimals() {
        assertEquals("98.52 %", Numbers.percent(0.9852));
        assertEquals("100.00 %", Numbers.percent(1));
    }

    @Test
    void wholeNumbersGetThousandsSeparators() {
        assertEquals("10,000", Numbers.integer(10_000));
        assertEquals("148", Numbers.integer(148.0000001));
    }

    @Test
    void durationsAreSecondsUnderTwoMinutesElseMinutesAndSeconds() {
        assertEquals("41.3 s", Numbers.duration(41.26));
        assertEquals("0.400 s", Numbers.duration(0.4));
        assertEquals("12 min 05 s", Numbers.duration(725));
    }

    @Test
    void significantKeepsTrailingZerosAndAvoidsExponents() {
        assertEquals("0.000123", Numbers.significant(0.000123456, 3));
        assertEquals("1230", Numbers.significant(1234, 3));
        assertEquals("0.0500", Numbers.significant(0.05, 3));
        assertEquals("-2.50", Numbers.significant(-2.5, 3));
    }

    @Test
    void briefDropsTrailingZeros() {
        assertEquals("0.05", Numbers.brief(0.05));
        assertEquals("0.00675", Numbers.brief(0.006751));
        assertEquals("1230", Numbers.brief(1234));
        assertEquals("1200", Numbers.brief(1200));
    }

    @Test
    void nonFiniteValuesAreNamed() {
        assertEquals("NaN", Numbers.count(Double.NaN));
        assertEquals("∞", Numbers.integer(Double.POSITIVE_INFINITY));
        assertEquals("−∞", Numbers.bytes(Double.NEGATIVE_INFINITY));
        assertEquals("NaN", Numbers.percent(Double.NaN));
    }
}
