package cn.edu.cashl.hub.coverage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading embargo_info: what is accepted, what is quarantined and why, and the walls it sets. */
class EmbargoTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 6, 15);

    @Test
    void blankIsNoEmbargo() {
        assertTrue(Embargo.parse(" ").isEmpty());
        assertTrue(Embargo.parse(null).isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1Y", "R1", "RY", "R0Y", "X1Y", "R1W", "R1Y;R2Y", "P1Y;R1Y;P2Y", "R1.5Y", "R-1Y"})
    void malformedValuesAreRefusedWithTheValue(String value) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Embargo.parse(value));
        assertTrue(e.getMessage().contains(value.strip()), e.getMessage());
    }

    @Test
    void wallsAreTheFirstDayOfTheLastUnits() {
        Embargo both = Embargo.parse("P1Y; R30D").orElseThrow();
        assertEquals("P1Y;R30D", both.toString());
        assertEquals(LocalDate.of(2026, 1, 1), both.availableFrom(TODAY));
        assertEquals(LocalDate.of(2026, 5, 17), both.embargoedFrom(TODAY));
        assertFalse(both.allowsNothing(TODAY));
        assertTrue(Embargo.parse("R10Y;P30D").orElseThrow().allowsNothing(TODAY));
        Embargo recent = Embargo.parse("R3M").orElseThrow();
        assertNull(recent.availableFrom(TODAY));
        assertEquals(LocalDate.of(2026, 4, 1), recent.embargoedFrom(TODAY));
        assertEquals(LocalDate.of(2026, 7, 1), recent.releasedOn(LocalDate.of(2026, 4, 1), TODAY));
        assertNull(recent.releasedOn(LocalDate.of(2026, 3, 31), TODAY), "not held");
    }
}
