package cn.edu.cashl.hub.cli;

import cn.edu.cashl.hub.ingest.IngestSummary;
import java.io.PrintStream;

/** Progress of a long run on stderr, at most every two seconds: counts so far and the rate. */
final class Progress {

    private static final long EVERY_NANOS = 2_000_000_000L;

    private final PrintStream out;
    private final long start = System.nanoTime();
    private long last = start;

    Progress(PrintStream out) {
        this.out = out;
    }

    /** @param done the finished files' totals; @param current the counts of the file being read */
    void update(IngestSummary done, IngestSummary current) {
        long now = System.nanoTime();
        if (now - last < EVERY_NANOS) {
            return;
        }
        last = now;
        long read = done.read() + current.read();
        out.printf(
                "%,d records (%,.0f/s): %,d accepted, %,d filtered, %,d quarantined%n",
                read,
                read / ((now - start) / 1e9),
                done.accepted() + current.accepted(),
                done.filtered() + current.filtered(),
                done.quarantined() + current.quarantined());
    }

    void finish(IngestSummary total) {
        double seconds = (System.nanoTime() - start) / 1e9;
        out.printf(
                "%,d records in %.1f s (%,.0f/s)%n", total.read(), seconds, seconds > 0 ? total.read() / seconds : 0);
    }

    /** The run's summary on stdout, one {@code name: number} per line; quarantine reasons on stderr. */
    static void printSummary(IngestSummary summary) {
        System.out.println("read: " + summary.read());
        System.out.println("accepted: " + summary.accepted());
        System.out.println("filtered: " + summary.filtered());
        System.out.println("quarantined: " + summary.quarantined());
        System.out.println("deleted: " + summary.deleted());
        System.out.println("master records: " + summary.masterRecords());
        summary.quarantineReasons()
                .forEach((reason, count) -> System.err.println("  quarantined " + count + ": " + reason));
    }
}
