package io.distillery.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The text layout of a listing. */
class ListingTest {

    @Test
    void columnsAreAlignedAndEmptyDescriptionsLeaveNoTrailingSpace() {
        Catalog catalog = category -> List.of(
                new ServiceEntry("at", "io.distillery.strategy.at", "1.0.0", "Attention transfer"),
                new ServiceEntry("fitnets", "io.distillery.strategy.fitnets", "1.10.0", ""));
        String n = System.lineSeparator();
        assertEquals("strategies:" + n
                + "  at       io.distillery.strategy.at 1.0.0        Attention transfer" + n
                + "  fitnets  io.distillery.strategy.fitnets 1.10.0" + n,
                Listing.render(catalog, List.of(Category.STRATEGIES)));
    }

    @Test
    void anEmptyNameStillRenders() {
        Catalog catalog = category -> List.of(new ServiceEntry("", "io.distillery.x", "1.0.0", "Blank"));
        String n = System.lineSeparator();
        assertEquals("compressors:" + n + "     io.distillery.x 1.0.0  Blank" + n,
                Listing.render(catalog, List.of(Category.COMPRESSORS)));
    }

    @Test
    void anEmptyCategorySaysNone() {
        assertEquals("backends:" + System.lineSeparator() + "  (none)" + System.lineSeparator(),
                Listing.render(category -> List.of(), List.of(Category.BACKENDS)));
    }
}
