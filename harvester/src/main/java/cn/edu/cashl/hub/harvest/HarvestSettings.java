package cn.edu.cashl.hub.harvest;

import java.time.Duration;

/**
 * How the harvester treats the servers it reads ({@code harvest:} in {@code config/cashl-hub.yaml}).
 *
 * @param userAgent        the User-Agent header, so that member libraries can tell the hub in their logs
 * @param timeoutSeconds   the longest one request may take, body included
 * @param attempts         tries of one request before the run ends {@code partial}
 * @param backoffMillis    first pause between tries; each next one doubles, with jitter
 * @param maxBackoffSeconds longest pause between tries, and the cap on a server's {@code Retry-After}
 * @param maxPageMegabytes the largest page accepted (after decompression); a bigger one ends the run
 * @param overlapSeconds   how far before the watermark an incremental harvest starts, for clocks
 *                         and transactions that lag at the source
 * @param windowRecords    records per date window of an OAI-PMH list (a lost resumption token costs
 *                         one window at most); 0 reads every list whole
 * @param prefetch         fetch an OAI-PMH list's next page while the current one is ingested
 * @param maxDumpDeletionShare the largest share of a source's records (0 to 1) that a full CALIS dump
 *                         may retire, because it no longer holds them, without an admin's
 *                         confirmation: a truncated dump must not empty the catalogue
 * @param crossrefRows     works per page of Crossref's API (1 to 1,000): fewer requests against
 *                         bigger pages (1,000 works are some 5 to 10 MB)
 */
public record HarvestSettings(
        String userAgent,
        int timeoutSeconds,
        int attempts,
        long backoffMillis,
        int maxBackoffSeconds,
        int maxPageMegabytes,
        int overlapSeconds,
        int windowRecords,
        boolean prefetch,
        double maxDumpDeletionShare,
        int crossrefRows) {

    public static final HarvestSettings DEFAULTS = new HarvestSettings(
            "CASHL-Hub/1.0 (OAI-PMH harvester; +https://www.cashl.edu.cn)",
            120,
            6,
            2000,
            300,
            64,
            60,
            50_000,
            true,
            0.10,
            500);

    public Duration timeout() {
        return Duration.ofSeconds(timeoutSeconds);
    }

    public Duration maxBackoff() {
        return Duration.ofSeconds(maxBackoffSeconds);
    }

    public long maxPageBytes() {
        return maxPageMegabytes * 1024L * 1024L;
    }

    public Duration overlap() {
        return Duration.ofSeconds(overlapSeconds);
    }

    /** These settings with another window size (0: lists read whole). */
    public HarvestSettings withWindowRecords(int records) {
        return new HarvestSettings(
                userAgent,
                timeoutSeconds,
                attempts,
                backoffMillis,
                maxBackoffSeconds,
                maxPageMegabytes,
                overlapSeconds,
                records,
                prefetch,
                maxDumpDeletionShare,
                crossrefRows);
    }

    /** These settings with prefetch on or off. */
    public HarvestSettings withPrefetch(boolean on) {
        return new HarvestSettings(
                userAgent,
                timeoutSeconds,
                attempts,
                backoffMillis,
                maxBackoffSeconds,
                maxPageMegabytes,
                overlapSeconds,
                windowRecords,
                on,
                maxDumpDeletionShare,
                crossrefRows);
    }

    /** These settings with another page size for Crossref's API. */
    public HarvestSettings withCrossrefRows(int rows) {
        return new HarvestSettings(
                userAgent,
                timeoutSeconds,
                attempts,
                backoffMillis,
                maxBackoffSeconds,
                maxPageMegabytes,
                overlapSeconds,
                windowRecords,
                prefetch,
                maxDumpDeletionShare,
                rows);
    }

    /** The guard on what a full dump may retire unconfirmed. */
    public DeletionGuard dumpDeletionGuard() {
        return new DeletionGuard(maxDumpDeletionShare);
    }
}
