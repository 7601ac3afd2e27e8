package cn.edu.cashl.hub.harvest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The counts of one harvest run, saved with every checkpoint so that a resumed run goes on counting
 * where the interrupted one stopped.
 */
public final class RunCounts {

    public long requests;
    public long pages;
    public long bytes;
    public long retries;
    public long repairs;
    /** Source records new to the hub. */
    public long added;
    /** Source records the hub had, with new content or status. */
    public long changed;
    /** Source records received again unchanged. */
    public long unchanged;
    /** Deleted headers (or delete-list entries and leader/05 = d). */
    public long deleted;

    public long accepted;
    public long filtered;
    public long quarantined;

    /** The names of the counts, in the order of {@link #values}: also their column and JSON names. */
    public static final List<String> NAMES = List.of(
            "requests",
            "pages",
            "bytes",
            "retries",
            "repairs",
            "added",
            "changed",
            "unchanged",
            "deleted",
            "accepted",
            "filtered",
            "quarantined");

    /** The counts in the order of {@link #NAMES}. */
    public long[] values() {
        return new long[] {
            requests,
            pages,
            bytes,
            retries,
            repairs,
            added,
            changed,
            unchanged,
            deleted,
            accepted,
            filtered,
            quarantined
        };
    }

    /** Counts from values in the order of {@link #NAMES}. */
    public static RunCounts of(long[] values) {
        RunCounts c = new RunCounts();
        c.requests = values[0];
        c.pages = values[1];
        c.bytes = values[2];
        c.retries = values[3];
        c.repairs = values[4];
        c.added = values[5];
        c.changed = values[6];
        c.unchanged = values[7];
        c.deleted = values[8];
        c.accepted = values[9];
        c.filtered = values[10];
        c.quarantined = values[11];
        return c;
    }

    /** Name to count, in the order of {@link #NAMES}, with {@code records} after {@code pages}. */
    public Map<String, Long> asMap() {
        Map<String, Long> map = new LinkedHashMap<>();
        long[] values = values();
        for (int i = 0; i < values.length; i++) {
            map.put(NAMES.get(i), values[i]);
            if (NAMES.get(i).equals("pages")) {
                map.put("records", records());
            }
        }
        return map;
    }

    /** Records received: every record is exactly one of accepted, filtered, quarantined or deleted. */
    public long records() {
        return accepted + filtered + quarantined + deleted;
    }

    @Override
    public String toString() {
        return "pages " + pages + ", records " + records() + " (added " + added + ", changed " + changed
                + ", unchanged "
                + unchanged + ", deleted " + deleted + "; accepted " + accepted + ", filtered " + filtered
                + ", quarantined "
                + quarantined + "), requests " + requests + ", retries " + retries + ", repairs " + repairs + ", bytes "
                + bytes;
    }
}
