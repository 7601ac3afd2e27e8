package cn.edu.cashl.hub.harvest;

import cn.edu.cashl.hub.harvest.oai.Granularity;
import cn.edu.cashl.hub.harvest.oai.HarvestFault;
import cn.edu.cashl.hub.harvest.oai.Identify;
import cn.edu.cashl.hub.harvest.oai.OaiClient;
import cn.edu.cashl.hub.harvest.oai.OaiResponse;
import cn.edu.cashl.hub.source.Source;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One run over an OAI-PMH repository: Identify, then ListRecords for each configured set (or the
 * whole repository), following resumption tokens to the end of each list.
 *
 * <ul>
 * <li>Incremental: {@code from} is the watermark (the responseDate of the last complete run's first
 *     request) less a small overlap, written at the repository's own granularity. The records the
 *     overlap brings again are recognised as unchanged.</li>
 * <li>Checkpointed after every page, once its records are written: {@code list:pages:token}.</li>
 * <li>{@code badResumptionToken} in mid-list restarts that list from the watermark (a few times at
 *     most), not the whole harvest.</li>
 * <li>Guards: a token seen before in the same list, a run of empty pages that goes nowhere.</li>
 * </ul>
 */
final class OaiHarvest implements HarvestTask {

    static final int MAX_RESTARTS = 3;
    static final int MAX_EMPTY_PAGES = 20;

    private final OaiClient client;
    private final Duration overlap;

    OaiHarvest(OaiClient client, Duration overlap) {
        this.client = client;
        this.overlap = overlap;
    }

    @Override
    public String run(HarvestRun run) throws HarvestFault, InterruptedException {
        Source source = run.source();
        Identify identify;
        try {
            identify = client.identify(run);
        } catch (HarvestFault e) {
            throw HarvestFault.failed(e.getMessage());
        }
        run.firstResponseDate(identify.responseDate());
        if (!identify.tracksDeletions()) {
            run.log(
                    "note",
                    "the repository keeps no deleted records (deletedRecord=" + identify.deletedRecord()
                            + "): deletions there reach the hub only through a full harvest");
        }
        String from = from(run.watermarkBefore(), identify.granularity());
        List<String> lists = source.sets().isEmpty() ? Collections.singletonList(null) : source.sets();
        Position position = Position.parse(run.resumeFrom());
        if (position.token() != null) {
            run.log(
                    "resume",
                    "resuming list " + (position.list() + 1) + " of " + lists.size() + " after page "
                            + position.pages());
        }
        for (int list = position.list(); list < lists.size(); list++) {
            boolean resumed = list == position.list();
            harvestList(
                    run,
                    lists.get(list),
                    list,
                    from,
                    resumed ? position.token() : null,
                    resumed ? position.pages() : 0);
            run.checkpoint(new Position(list + 1, 0, null).toString());
        }
        String watermark = run.responseDate();
        if (Granularity.parse(watermark) == null) {
            run.log(
                    "note",
                    "the repository's responseDate '" + watermark
                            + "' is not a UTC datestamp: the next run is a full harvest");
            return null;
        }
        return watermark;
    }

    /** The {@code from} argument: the watermark less the overlap, at the repository's granularity. */
    String from(String watermark, Granularity granularity) {
        Instant instant = Granularity.parse(watermark);
        return instant == null ? null : granularity.format(instant.minus(overlap));
    }

    private void harvestList(HarvestRun run, String set, int list, String from, String token, long pages)
            throws HarvestFault, InterruptedException {
        Source source = run.source();
        String listName = set == null ? "ListRecords" : "ListRecords set " + set;
        Set<String> tokens = new HashSet<>();
        int restarts = 0;
        int emptyPages = 0;
        while (true) {
            if (Thread.interrupted()) {
                throw new InterruptedException("harvest of " + source.id() + " stopped");
            }
            String pageName = listName + " page " + (pages + 1);
            OaiResponse page = token == null
                    ? client.listRecords(source.metadataPrefix(), set, from, null, pageName, run)
                    : client.resume(token, pageName, run);
            run.firstResponseDate(page.responseDate());
            if (page.isError()) {
                if ("noRecordsMatch".equals(page.errorCode())) {
                    return;
                }
                if ("badResumptionToken".equals(page.errorCode()) && token != null) {
                    if (++restarts > MAX_RESTARTS) {
                        throw new HarvestFault(listName + ": badResumptionToken " + restarts + " times; gave up");
                    }
                    run.log(
                            "restart",
                            pageName + ": badResumptionToken (" + page.errorMessage() + "); the list starts again from "
                                    + (from == null ? "the beginning" : from));
                    token = null;
                    pages = 0;
                    tokens.clear();
                    emptyPages = 0;
                    continue;
                }
                throw new HarvestFault(
                        pageName + ": the repository answered " + page.errorCode() + ": " + page.errorMessage());
            }
            run.ingest(page.records());
            run.counts().pages++;
            pages++;
            String next = page.nextToken();
            if (next != null && !tokens.add(next)) {
                throw new HarvestFault(pageName + " repeats the resumption token '" + next
                        + "' of an earlier page: the list would never end");
            }
            emptyPages = page.records().isEmpty() && next != null ? emptyPages + 1 : 0;
            if (emptyPages >= MAX_EMPTY_PAGES) {
                throw new HarvestFault(listName + ": " + emptyPages
                        + " empty pages in a row, each with a new token: the list goes nowhere");
            }
            // The last page of a list checkpoints the start of the next list.
            run.checkpoint(
                    (next == null ? new Position(list + 1, 0, null) : new Position(list, pages, next)).toString());
            if (next == null) {
                checkListSize(run, listName, page, pages);
                return;
            }
            token = next;
        }
    }

    private static void checkListSize(HarvestRun run, String listName, OaiResponse last, long pages) {
        if (last.token() != null
                && last.token().completeListSize() >= 0
                && last.token().cursor() >= 0) {
            long announced = last.token().completeListSize();
            long delivered = last.token().cursor() + last.records().size();
            if (announced != delivered) {
                run.log(
                        "note",
                        listName + " ended after " + pages + " pages at record " + delivered
                                + " but the repository announced " + announced);
            }
        }
    }

    /**
     * Where a run is: the list (set) it is in, the pages of that list done, and the token of the
     * next page (null: the list starts from its beginning).
     */
    record Position(int list, long pages, String token) {

        static Position parse(String checkpoint) {
            if (checkpoint == null || !checkpoint.startsWith("oai:")) {
                return new Position(0, 0, null);
            }
            String[] parts = checkpoint.split(":", 4);
            return new Position(
                    Integer.parseInt(parts[1]), Long.parseLong(parts[2]), parts[3].isEmpty() ? null : parts[3]);
        }

        @Override
        public String toString() {
            return "oai:" + list + ":" + pages + ":" + (token == null ? "" : token);
        }
    }
}
