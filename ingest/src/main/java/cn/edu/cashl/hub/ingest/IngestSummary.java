package cn.edu.cashl.hub.ingest;

import cn.edu.cashl.hub.catalog.SourceRecordStatus;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one run did with its records. Every record read is exactly one of accepted, filtered,
 * quarantined or deleted (an OAI-PMH deleted header): {@code read == accepted + filtered +
 * quarantined + deleted}.
 */
public final class IngestSummary {

    private long read;
    private long accepted;
    private long filtered;
    private long quarantined;
    private long deleted;
    private long masterRecords = -1;
    private final Map<String, Long> quarantineReasons = new TreeMap<>();

    synchronized void count(SourceRecordStatus status, String reason) {
        read++;
        switch (status) {
            case ACCEPTED -> accepted++;
            case FILTERED -> filtered++;
            case QUARANTINED -> {
                quarantined++;
                quarantineReasons.merge(kind(reason), 1L, Long::sum);
            }
            case DELETED -> deleted++;
        }
    }

    synchronized void masterRecords(long total) {
        masterRecords = total;
    }

    /** The first words of a reason, so that thousands of records group under a few kinds. */
    private static String kind(String reason) {
        String text = reason == null ? "unknown" : reason;
        int cut = text.indexOf(':');
        return (cut > 0 && cut < 80 ? text.substring(0, cut) : text.substring(0, Math.min(80, text.length()))).strip();
    }

    public synchronized long read() {
        return read;
    }

    public synchronized long accepted() {
        return accepted;
    }

    public synchronized long filtered() {
        return filtered;
    }

    public synchronized long quarantined() {
        return quarantined;
    }

    public synchronized long deleted() {
        return deleted;
    }

    /** Live master records in the catalogue after the run; -1 until counted. */
    public synchronized long masterRecords() {
        return masterRecords;
    }

    public synchronized Map<String, Long> quarantineReasons() {
        return Map.copyOf(quarantineReasons);
    }

    /** Adds another run's counts (several files in one import). */
    public synchronized void add(IngestSummary other) {
        read += other.read();
        accepted += other.accepted();
        filtered += other.filtered();
        quarantined += other.quarantined();
        deleted += other.deleted();
        other.quarantineReasons().forEach((k, v) -> quarantineReasons.merge(k, v, Long::sum));
        if (other.masterRecords() >= 0) {
            masterRecords = other.masterRecords();
        }
    }
}
