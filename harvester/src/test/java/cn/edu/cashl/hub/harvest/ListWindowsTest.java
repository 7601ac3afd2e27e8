package cn.edu.cashl.hub.harvest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.edu.cashl.hub.harvest.ListWindows.Window;
import cn.edu.cashl.hub.harvest.OaiHarvest.Position;
import cn.edu.cashl.hub.harvest.oai.Granularity;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Date windows: no gap, no overlap, the granularity kept, cut and grown by density, the last one open. */
class ListWindowsTest {

    private static final Instant START = Instant.parse("2010-01-01T00:00:00Z");
    private static final Instant END = Instant.parse("2026-01-01T12:00:00Z");

    @Test
    void anIncrementalListIsOneOpenWindowFromItsStart() {
        ListWindows windows = new ListWindows(Granularity.SECOND, END.minusSeconds(3600), false, END, 1000);
        Window first = windows.first();
        assertTrue(first.open());
        assertEquals("2026-01-01T11:00:00Z", windows.from(first));
        assertNull(windows.until(first));
        assertNull(windows.next(first, 10), "the open window ends the list");
    }

    @Test
    void aFullListStartsWithoutFromAndWithAPartOfTheSpan() {
        ListWindows windows = new ListWindows(Granularity.DAY, START, true, END, 1000);
        Window first = windows.first();
        assertFalse(first.open());
        assertNull(windows.from(first), "from the very beginning, earliestDatestamp or not");
        Duration span = Duration.between(START, END);
        assertTrue(first.length().compareTo(span.dividedBy(ListWindows.FIRST_PART_OF_FULL + 1)) > 0);
        assertTrue(first.length().compareTo(span.dividedBy(ListWindows.FIRST_PART_OF_FULL - 1)) < 0);
        assertTrue(windows.until(first).matches("\\d{4}-\\d{2}-\\d{2}"), "a day, as the repository reads it");
    }

    @Test
    void windowsFollowEachOtherWithoutGapOrOverlapAtEitherGranularity() {
        for (Granularity granularity : Granularity.values()) {
            ListWindows windows = new ListWindows(granularity, START, false, END, 1000);
            Duration granule = granularity == Granularity.DAY ? Duration.ofDays(1) : Duration.ofSeconds(1);
            Window window = windows.sized(START, Duration.ofDays(30));
            int count = 0;
            while (!window.open()) {
                Window next = windows.next(window, 1000);
                assertEquals(window.until().plus(granule), next.from(), granularity + " " + window);
                assertEquals(
                        granularity.format(next.from()),
                        windows.from(next),
                        "boundaries are whole " + granularity.name().toLowerCase());
                window = next;
                count++;
            }
            assertTrue(count > 150, "a month of records a window over sixteen years: " + count);
        }
    }

    @Test
    void aWindowThatAnnouncesTooManyRecordsIsCutInProportion() {
        ListWindows windows = new ListWindows(Granularity.SECOND, START, false, END, 1000);
        Window window = windows.sized(START, Duration.ofDays(100));
        assertNull(windows.cut(window, 2000), "twice the target is still read");
        Window cut = windows.cut(window, 10_000);
        assertEquals(START, cut.from());
        assertEquals(Duration.ofDays(10), cut.length());
        Window oneSecond = windows.sized(START, Duration.ofSeconds(1));
        assertNull(windows.cut(oneSecond, 1_000_000), "one granule is never cut");
    }

    @Test
    void theNextWindowFollowsTheDensityJustSeen() {
        ListWindows windows = new ListWindows(Granularity.SECOND, START, false, END, 1000);
        Window window = windows.sized(START, Duration.ofDays(10));
        assertEquals(Duration.ofDays(5), windows.next(window, 2000).length(), "twice as dense: half as long");
        assertEquals(Duration.ofDays(20), windows.next(window, 500).length());
        assertEquals(Duration.ofDays(160), windows.next(window, 0).length(), "empty: grows, within bounds");
        assertEquals(
                Duration.ofDays(2).plusHours(12),
                windows.next(window, 1_000_000).length(),
                "at most 4x shorter");
        Window late = windows.sized(END.minus(Duration.ofDays(3)), Duration.ofDays(10));
        assertTrue(late.open(), "a window that reaches past the repository's clock is open");
    }

    @Test
    void aRecordDatedAfterItsWindowShowsTheRepositoryIgnoredUntil() {
        ListWindows windows = new ListWindows(Granularity.DAY, START, false, END, 1000);
        Window window = windows.sized(START, Duration.ofDays(10));
        assertFalse(windows.after(window, "2010-01-10"));
        assertFalse(windows.after(window, "2010-01-10T23:59:59Z"));
        assertTrue(windows.after(window, "2010-01-11"));
        assertFalse(windows.after(window, "not a date"));
    }

    @Test
    void positionsRoundTripWithAndWithoutWindows() {
        Window window = new Window(START, END, Duration.ofDays(3));
        for (Position position : new Position[] {
            new Position(2, 17, "tok:en:with:colons", window),
            new Position(0, 3, null, new Window(START, null, Duration.ofDays(3))),
            new Position(1, 5, "a:b", null),
            new Position(3, 0, null, null)
        }) {
            assertEquals(position, Position.parse(position.toString()), position.toString());
        }
        assertEquals(
                new Position(1, 4, "old", null), Position.parse("oai:1:4:old"), "a checkpoint from before windows");
    }
}
