package cn.edu.cashl.hub.harvest;

import cn.edu.cashl.hub.harvest.ListWindows.Window;
import cn.edu.cashl.hub.harvest.oai.Granularity;
import cn.edu.cashl.hub.harvest.oai.HarvestFault;
import cn.edu.cashl.hub.harvest.oai.Identify;
import cn.edu.cashl.hub.harvest.oai.OaiClient;
import cn.edu.cashl.hub.harvest.oai.OaiResponse;
import cn.edu.cashl.hub.ingest.read.RawRecord;
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
 * <li>Date windows: each list is read in windows of about {@code windowRecords} records
 *     ({@link ListWindows}), full and incremental harvests alike, and checkpointed per window.</li>
 * <li>{@code badResumptionToken}: the same token is asked for once more after a pause (a load-balanced
 *     provider may have sent the request to a node that does not know it); refused again, the
 *     current window is read again from its start (a few times at most), never the whole list. A
 *     repository that rejects {@code until} or ignores it is read without windows, as before, and
 *     the run's log says so; there a lost token restarts the list from the watermark.</li>
 * <li>The next page is fetched while the current one is ingested ({@link PagePrefetch}).</li>
 * <li>Checkpointed after every page, once its records are written.</li>
 * <li>Guards: a token seen before in the same list, a run of empty pages that goes nowhere.</li>
 * </ul>
 */
final class OaiHarvest implements HarvestTask {

    static final int MAX_RESTARTS = 3;
    static final int MAX_EMPTY_PAGES = 20;

    private final OaiClient client;
    private final Duration overlap;
    private final int windowRecords;
    private final boolean prefetch;
    private final Duration tokenPause;

    OaiHarvest(OaiClient client, HarvestSettings settings) {
        this.client = client;
        this.overlap = settings.overlap();
        this.windowRecords = settings.windowRecords();
        this.prefetch = settings.prefetch();
        this.tokenPause = Duration.ofMillis(settings.backoffMillis());
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
        ListWindows windows = windows(run, identify, from);
        List<String> lists = source.sets().isEmpty() ? Collections.singletonList(null) : source.sets();
        Position position = Position.parse(run.resumeFrom());
        if (position.token() != null || position.window() != null) {
            run.log(
                    "resume",
                    "resuming list " + (position.list() + 1) + " of " + lists.size() + " after page " + position.pages()
                            + (position.window() == null ? "" : ", in window " + position.window()));
        }
        if (prefetch) {
            run.log("note", "each next page is fetched while the page before it is ingested");
        }
        for (int list = position.list(); list < lists.size(); list++) {
            boolean resumed = list == position.list();
            new ListHarvest(run, lists.get(list), list, from, windows, identify.granularity())
                    .read(resumed ? position : new Position(list, 0, null, null));
            run.checkpoint(new Position(list + 1, 0, null, null).toString());
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

    /** The windows of this run's lists, or null when they are read whole (and why, on the log). */
    private ListWindows windows(HarvestRun run, Identify identify, String from) {
        if (windowRecords <= 0) {
            return null;
        }
        Instant end = Granularity.parse(identify.responseDate());
        Instant start = Granularity.parse(from != null ? from : identify.earliestDatestamp());
        if (end == null || start == null) {
            run.log(
                    "note",
                    "no date windows: the repository's "
                            + (end == null
                                    ? "responseDate '" + identify.responseDate() + "'"
                                    : "earliestDatestamp '" + identify.earliestDatestamp() + "'")
                            + " is not a datestamp; each list is read whole, and a lost resumption token restarts it");
            return null;
        }
        return new ListWindows(identify.granularity(), start, from == null, end, windowRecords);
    }

    /** The pages of one list (one set, or the whole repository), window by window. */
    private final class ListHarvest {
        private final HarvestRun run;
        private final Source source;
        private final String set;
        private final int list;
        private final String from;
        private final Granularity granularity;
        private final String listName;
        private final Set<String> tokens = new HashSet<>();
        private ListWindows windows;

        private Window window;
        private String token;
        private long pages;
        private long windowRecordsRead;
        private long windowPages;
        private int restarts;
        private int emptyPages;
        private boolean askedAgain;
        /** Records of the current window dated after its end, and the first of them, for the log. */
        private long afterUntil;

        private String firstAfterUntil;
        /** What the window announced before it was last cut; -1 when it was not. */
        private long announcedBeforeCut = -1;

        ListHarvest(HarvestRun run, String set, int list, String from, ListWindows windows, Granularity granularity) {
            this.run = run;
            this.source = run.source();
            this.set = set;
            this.list = list;
            this.from = from;
            this.windows = windows;
            this.granularity = granularity;
            this.listName = set == null ? "ListRecords" : "ListRecords set " + set;
        }

        void read(Position start) throws HarvestFault, InterruptedException {
            pages = start.pages();
            token = start.token();
            window = start.window();
            if (window != null && windows == null) {
                // Resumed inside a window although this run cuts none (settings changed meanwhile):
                // the list is finished from that window on, as one open window.
                window = new Window(window.from(), null, window.length());
                windows = new ListWindows(granularity, window.from(), false, window.from(), 1);
            }
            if (window == null && token == null && windows != null) {
                window = windows.first();
                run.log(
                        "window",
                        listName + " is read in date windows of about " + windowRecords
                                + " records: a lost resumption token costs one window at most");
            }
            try (PagePrefetch ahead = new PagePrefetch(prefetch, source.id())) {
                while (true) {
                    if (Thread.interrupted()) {
                        throw new InterruptedException("harvest of " + source.id() + " stopped");
                    }
                    String pageName = listName + " page " + (pages + 1);
                    OaiResponse page = ahead.take(request(token, pageName), run);
                    run.firstResponseDate(page.responseDate());
                    if (page.isError()) {
                        if (!recover(page, pageName)) {
                            return;
                        }
                        continue;
                    }
                    askedAgain = false;
                    if (token == null && cut(page)) {
                        continue;
                    }
                    countAfterUntil(page);
                    String next = page.nextToken();
                    boolean repeated = next != null && !tokens.add(next);
                    if (next != null && !repeated) {
                        ahead.ahead(request(next, listName + " page " + (pages + 2)));
                    }
                    run.ingest(page.records());
                    run.counts().pages++;
                    pages++;
                    windowPages++;
                    windowRecordsRead += page.records().size();
                    if (repeated) {
                        throw new HarvestFault(pageName + " repeats the resumption token '" + next
                                + "' of an earlier page: the list would never end");
                    }
                    emptyPages = page.records().isEmpty() && next != null ? emptyPages + 1 : 0;
                    if (emptyPages >= MAX_EMPTY_PAGES) {
                        throw new HarvestFault(listName + ": " + emptyPages
                                + " empty pages in a row, each with a new token: the list goes nowhere");
                    }
                    if (next != null) {
                        token = next;
                        run.checkpoint(new Position(list, pages, token, window).toString());
                        continue;
                    }
                    checkListSize(page);
                    if (!nextWindow()) {
                        // The last page of a list checkpoints the start of the next list.
                        run.checkpoint(new Position(list + 1, 0, null, null).toString());
                        return;
                    }
                    run.checkpoint(new Position(list, pages, null, window).toString());
                }
            }
        }

        /** The request for a page: the window's (or list's) first page, or the page of a token. */
        private PagePrefetch.Request request(String pageToken, String pageName) {
            if (pageToken != null) {
                return listener -> client.resume(pageToken, pageName, listener);
            }
            String windowFrom = window == null ? from : windows.from(window);
            String windowUntil = window == null ? null : windows.until(window);
            return listener ->
                    client.listRecords(source.metadataPrefix(), set, windowFrom, windowUntil, pageName, listener);
        }

        /** What an error answer means here: true to go on (with the state changed), false when the list is done. */
        private boolean recover(OaiResponse page, String pageName) throws HarvestFault, InterruptedException {
            String code = page.errorCode();
            if ("noRecordsMatch".equals(code)) {
                if (window != null && nextWindow()) {
                    run.checkpoint(new Position(list, pages, null, window).toString());
                    return true;
                }
                return false;
            }
            if ("badResumptionToken".equals(code) && token != null) {
                if (!askedAgain) {
                    askedAgain = true;
                    run.retrying(
                            pageName + ": badResumptionToken (" + page.errorMessage()
                                    + "); the same token is asked for once more",
                            tokenPause.toMillis());
                    Thread.sleep(tokenPause.toMillis());
                    return true;
                }
                askedAgain = false;
                if (++restarts > MAX_RESTARTS) {
                    throw new HarvestFault(listName + ": badResumptionToken " + restarts + " times; gave up");
                }
                run.log(
                        "restart",
                        pageName + ": badResumptionToken again (" + page.errorMessage() + "); "
                                + (window != null
                                        ? "window " + window + " is read again from its start (" + windowPages
                                                + " pages)"
                                        : "the list starts again from " + (from == null ? "the beginning" : from)));
                fromWindowStart();
                return true;
            }
            if ("badArgument".equals(code) && token == null && window != null && !window.open()) {
                run.log(
                        "note",
                        listName + ": the repository rejects until=" + windows.until(window) + " ("
                                + page.errorMessage()
                                + "): the list is read without date windows, and a lost resumption token restarts it");
                window = null;
                windows = null;
                return true;
            }
            throw new HarvestFault(pageName + ": the repository answered " + code + ": " + page.errorMessage());
        }

        /**
         * On the first page of a window: cuts the window when the page announces far more records
         * than a window should hold (the page is then not used: the smaller window starts with it
         * again). Says whether it did.
         */
        private boolean cut(OaiResponse page) {
            if (window == null || page.nextToken() == null) {
                return false;
            }
            long announced = page.token().completeListSize();
            // A cut window that announces no fewer records than before it was cut: the repository
            // ignores until, and cutting again would only cost first pages. The window is read, and
            // judged when it ends (untilIgnored).
            boolean shrank = announcedBeforeCut < 0 || announced < announcedBeforeCut;
            Window smaller = shrank ? windows.cut(window, announced) : null;
            announcedBeforeCut = smaller == null ? -1 : announced;
            if (smaller == null) {
                return false;
            }
            run.log(
                    "window",
                    listName + " window " + window + ": " + announced + " records announced, cut to " + smaller);
            window = smaller;
            return true;
        }

        /** Counts the page's records dated after its window: {@link #nextWindow} judges them. */
        private void countAfterUntil(OaiResponse page) {
            if (window == null || window.open()) {
                return;
            }
            for (RawRecord record : page.records()) {
                if (windows.after(window, record.sourceDatestamp())) {
                    if (afterUntil++ == 0) {
                        firstAfterUntil = record.sourceIdentifier() + " of " + record.sourceDatestamp();
                    }
                }
            }
        }

        /**
         * Whether the window just read shows that the repository ignores {@code until}: most of its
         * records are dated after it, so the list it sent ran to the end of the repository. A few
         * such records are only records changed while the window was read, which the next windows
         * (or the next run) bring again.
         */
        private boolean untilIgnored() {
            if (afterUntil == 0 || afterUntil * 2 <= windowRecordsRead) {
                return false;
            }
            run.log(
                    "note",
                    listName + ": the repository ignores until=" + windows.until(window) + " (" + afterUntil + " of "
                            + windowRecordsRead + " records dated after it, the first " + firstAfterUntil
                            + "): the list it sent ran to its end, and no other window is asked for");
            return true;
        }

        /** Moves to the window after the one just read; false when the list is done. */
        private boolean nextWindow() {
            if (window == null) {
                return false;
            }
            run.log(
                    "window",
                    listName + " window " + window + ": " + windowRecordsRead + " records in " + windowPages
                            + " pages");
            window = untilIgnored() ? null : windows.next(window, windowRecordsRead);
            restarts = 0;
            fromWindowStart();
            return window != null;
        }

        /** The next page is the first of the window (or of the list read whole): nothing of it read yet. */
        private void fromWindowStart() {
            token = null;
            tokens.clear();
            emptyPages = 0;
            windowPages = 0;
            windowRecordsRead = 0;
            afterUntil = 0;
        }

        private void checkListSize(OaiResponse last) {
            if (last.token() != null
                    && last.token().completeListSize() >= 0
                    && last.token().cursor() >= 0) {
                long announced = last.token().completeListSize();
                long delivered = last.token().cursor() + last.records().size();
                if (announced != delivered) {
                    run.log(
                            "note",
                            listName + (window == null ? "" : " window " + window) + " ended after " + windowPages
                                    + " pages at record " + delivered + " but the repository announced " + announced);
                }
            }
        }
    }

    /**
     * Where a run is: the list (set) it is in, the pages of that list done, the token of the next
     * page (null: the window, or the list, starts from its beginning), and the window it is in
     * (null: the list is read whole).
     */
    record Position(int list, long pages, String token, Window window) {

        static Position parse(String checkpoint) {
            if (checkpoint != null && checkpoint.startsWith("oaiw:")) {
                String[] parts = checkpoint.split(":", 7);
                Window window = new Window(
                        Instant.ofEpochSecond(Long.parseLong(parts[3])),
                        parts[4].isEmpty() ? null : Instant.ofEpochSecond(Long.parseLong(parts[4])),
                        Duration.ofSeconds(Long.parseLong(parts[5])));
                return new Position(
                        Integer.parseInt(parts[1]),
                        Long.parseLong(parts[2]),
                        parts[6].isEmpty() ? null : parts[6],
                        window);
            }
            if (checkpoint == null || !checkpoint.startsWith("oai:")) {
                return new Position(0, 0, null, null);
            }
            // Written by a run without windows (or before they existed): the list goes on whole.
            String[] parts = checkpoint.split(":", 4);
            return new Position(
                    Integer.parseInt(parts[1]), Long.parseLong(parts[2]), parts[3].isEmpty() ? null : parts[3], null);
        }

        @Override
        public String toString() {
            String next = token == null ? "" : token;
            if (window == null) {
                return "oai:" + list + ":" + pages + ":" + next;
            }
            return "oaiw:" + list + ":" + pages + ":" + window.from().getEpochSecond() + ":"
                    + (window.open() ? "" : window.until().getEpochSecond()) + ":"
                    + window.length().getSeconds() + ":" + next;
        }
    }
}
