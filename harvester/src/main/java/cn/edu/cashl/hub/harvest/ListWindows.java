package cn.edu.cashl.hub.harvest;

import cn.edu.cashl.hub.harvest.oai.Granularity;
import java.time.Duration;
import java.time.Instant;

/**
 * Cuts one ListRecords list into date windows ({@code from}/{@code until} at the repository's
 * granularity), so that a resumption token the repository forgets costs at most the window it
 * belongs to, never the list. Windows follow each other without gap or overlap; the last one is
 * open (no {@code until}), so that nothing changed while the harvest runs falls between two.
 *
 * <p>The size of a window is a duration, chosen to hold about {@code target} records: the first
 * window spans the whole list of an incremental harvest, a part of the repository's time span for
 * a full one ({@link #first}); when a first page announces many more records
 * ({@code completeListSize}) the window is cut down in proportion, as often as needed; after each
 * window the next one is sized from the density just observed. A window of one granule (a day or
 * a second) is never cut.
 */
final class ListWindows {

    /** A window holding more than this many times the target is cut before it is read. */
    static final int LARGE = 2;
    /** The most a window grows over the one before it, when that one held few records. */
    static final int GROWTH = 16;
    /** A full harvest's first window is this part of the repository's time span. */
    static final int FIRST_PART_OF_FULL = 16;

    private final Granularity granularity;
    private final Instant start;
    private final boolean openStart;
    private final Instant end;
    private final long target;
    private final Duration granule;

    /**
     * @param start     the list's {@code from}: the watermark less the overlap, or the repository's
     *                  earliestDatestamp for a full harvest
     * @param openStart a full harvest: the first window asks without {@code from}, so that a record
     *                  dated before the declared earliestDatestamp (it happens) is not missed
     * @param end       the repository's clock now (Identify's responseDate): windows ending after it
     *                  are open
     * @param target    records a window should hold
     */
    ListWindows(Granularity granularity, Instant start, boolean openStart, Instant end, long target) {
        this.granularity = granularity;
        this.start = floor(granularity, start);
        this.openStart = openStart;
        this.end = end;
        this.target = Math.max(1, target);
        this.granule = granularity == Granularity.DAY ? Duration.ofDays(1) : Duration.ofSeconds(1);
    }

    /**
     * The first window of a list. An incremental list (usually small) is asked for whole; a full
     * one, whose density is not known yet, starts with a {@value #FIRST_PART_OF_FULL}th of the time
     * since the repository's earliestDatestamp, and the windows after it follow what they find.
     */
    Window first() {
        Duration length = Duration.between(start, end);
        Window whole = new Window(start, null, atLeastOneGranule(length.isNegative() ? granule : length.plus(granule)));
        return openStart ? cutInto(whole, FIRST_PART_OF_FULL) : whole;
    }

    /**
     * A smaller window from the same start, when this one's first page announced {@code announced}
     * records (negative: not announced); null when it is small enough, or cannot be cut.
     */
    Window cut(Window window, long announced) {
        if (announced <= LARGE * target) {
            return null;
        }
        return cutInto(window, (announced + target - 1) / target);
    }

    /** The first of {@code parts} windows of equal length into which a window is cut; null if it cannot be. */
    private Window cutInto(Window window, long parts) {
        Duration smaller = atLeastOneGranule(window.length().dividedBy(parts));
        if (smaller.compareTo(window.length()) >= 0) {
            return null;
        }
        return sized(window.from(), smaller);
    }

    /**
     * The window after one that held {@code records} records, sized by that density: at most
     * {@value #GROWTH} times longer (a window whose first page announces too many is cut anyway) and
     * at most four times shorter than the one before; null after the open window, which ends the list.
     */
    Window next(Window done, long records) {
        if (done.open()) {
            return null;
        }
        double factor = records <= 0 ? GROWTH : Math.max(0.25, Math.min(GROWTH, (double) target / records));
        long seconds = (long) Math.min(Long.MAX_VALUE / 4, done.length().getSeconds() * factor);
        return sized(done.until().plus(granule), atLeastOneGranule(Duration.ofSeconds(seconds)));
    }

    /** A window from {@code from} of this length, open when it would reach past the end. */
    Window sized(Instant from, Duration length) {
        Instant until = from.plus(length).minus(granule);
        if (!until.isBefore(end)) {
            return new Window(from, null, length);
        }
        return new Window(from, until, length);
    }

    /** A window written as the repository reads it. */
    String from(Window window) {
        return openStart && window.from().equals(start) ? null : granularity.format(window.from());
    }

    String until(Window window) {
        return window.open() ? null : granularity.format(window.until());
    }

    /** Whether a record's datestamp lies after the window, that is the repository ignored {@code until}. */
    boolean after(Window window, String datestamp) {
        Instant instant = Granularity.parse(datestamp);
        return !window.open()
                && instant != null
                && !instant.isBefore(window.until().plus(granule));
    }

    /** Start of the granule an instant falls in. */
    private static Instant floor(Granularity granularity, Instant instant) {
        return Granularity.parse(granularity.format(instant));
    }

    private Duration atLeastOneGranule(Duration length) {
        long granules = Math.max(1, length.getSeconds() / granule.getSeconds());
        return granule.multipliedBy(granules);
    }

    /**
     * One date window: {@code from} and {@code until} both included, as OAI-PMH reads them.
     *
     * @param until  the last granule included, or null: open, to the end of the list
     * @param length the window's span, which sizes the next one
     */
    record Window(Instant from, Instant until, Duration length) {

        boolean open() {
            return until == null;
        }

        @Override
        public String toString() {
            return from + ".." + (until == null ? "" : until);
        }
    }
}
