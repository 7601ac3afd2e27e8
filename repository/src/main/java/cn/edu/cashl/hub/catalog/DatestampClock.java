package cn.edu.cashl.hub.catalog;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands out the datestamps of master records and knows which of them readers cannot see yet.
 *
 * <p>A datestamp is taken before the write it labels, and the write becomes visible only at the
 * next refresh or commit. An OAI-PMH harvester that asked in between, and next asks {@code from}
 * its previous responseDate, would never see that change: its datestamp is older than the
 * {@code from}, and it was invisible when the older harvest ran. So every writer holds a lease
 * from its first datestamp until its writes are visible, and a reader that answers "everything up
 * to second {@code r}" first waits until no lease opened before {@code r} is still open. Leases
 * opened during second {@code r} need no wait: their datestamps are {@code r} or later, which the
 * next harvest's {@code from = r} includes (OAI-PMH {@code from} is inclusive).
 *
 * <p>Writers keep leases short: {@link Writer#overdue()} tells one to refresh. The leases live in
 * this process, so the guarantee covers the writers of one hub; see docs/oai-pmh.md for clusters.
 */
public final class DatestampClock {

    private static final Logger LOG = LoggerFactory.getLogger(DatestampClock.class);
    /**
     * A lease this old belongs to a writer that died without refreshing (its store went away
     * mid-batch): readers stop waiting for it rather than wait for ever.
     */
    static final Duration ABANDONED = Duration.ofMinutes(10);
    /** How long a hub's writer keeps writes invisible at most before it refreshes. */
    public static final Duration SERVING_MAX_LAG = Duration.ofSeconds(1);

    private final Clock clock;
    private final Duration maxLag;
    private final Set<Writer> open = new HashSet<>();

    /**
     * @param maxLag how long a writer may keep its writes invisible before {@link Writer#overdue()};
     *               null for no limit
     */
    public DatestampClock(Clock clock, Duration maxLag) {
        this.clock = clock;
        this.maxLag = maxLag;
    }

    /** The clock of a hub that serves while it writes: writes are visible within a second. */
    public static DatestampClock serving() {
        return new DatestampClock(Clock.systemUTC(), SERVING_MAX_LAG);
    }

    /**
     * The clock of a writer nobody reads meanwhile (an import with the hub stopped): writes become
     * visible when the writer chooses, never merely because time passed.
     */
    public static DatestampClock unread(Clock clock) {
        return new DatestampClock(clock, null);
    }

    /** The current time, from the underlying clock. */
    public Instant instant() {
        return clock.instant();
    }

    /** A lease for one writer thread (one harvest, one import). */
    public Writer writer() {
        return new Writer();
    }

    /**
     * Waits until every datestamp issued before {@code moment} labels a visible write.
     *
     * @return false when some writer still holds an older lease after {@code timeout}
     */
    public synchronized boolean awaitVisible(Instant moment, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (oldestOpenBefore(moment)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    private boolean oldestOpenBefore(Instant moment) {
        Instant abandoned = clock.instant().minus(ABANDONED);
        boolean older = false;
        for (Iterator<Writer> it = open.iterator(); it.hasNext(); ) {
            Writer writer = it.next();
            if (maxLag != null && writer.openedAt.isBefore(abandoned)) {
                LOG.warn(
                        "a catalogue writer has kept its writes invisible since {}; readers no longer wait for it",
                        writer.openedAt);
                it.remove();
                writer.opened = null;
                writer.openedAt = null;
            } else if (writer.opened.isBefore(moment)) {
                older = true;
            }
        }
        return older;
    }

    /** One writer's lease: open from its first datestamp until it says its writes are visible. */
    public final class Writer {

        /** The lease's start in whole seconds, as readers compare it; null when no lease is open. */
        private Instant opened;
        /** The lease's start to the clock's precision, for {@link #overdue()}. */
        private Instant openedAt;

        private Writer() {}

        /** A datestamp (whole seconds) for writes about to be made; opens the lease if needed. */
        public Instant stamp() {
            synchronized (DatestampClock.this) {
                Instant precise = clock.instant();
                Instant now = precise.truncatedTo(ChronoUnit.SECONDS);
                if (opened == null) {
                    opened = now;
                    openedAt = precise;
                    open.add(this);
                }
                return now;
            }
        }

        /** Whether this writer's writes have been invisible for longer than the clock allows. */
        public boolean overdue() {
            synchronized (DatestampClock.this) {
                return opened != null && maxLag != null && !clock.instant().isBefore(openedAt.plus(maxLag));
            }
        }

        /** Every write of this writer so far is visible: closes the lease. */
        public void visible() {
            synchronized (DatestampClock.this) {
                if (opened != null) {
                    opened = null;
                    open.remove(this);
                    DatestampClock.this.notifyAll();
                }
            }
        }
    }
}
