package cn.edu.cashl.hub.harvest;

import cn.edu.cashl.hub.harvest.crossref.CrossrefClient;
import cn.edu.cashl.hub.harvest.crossref.CrossrefRefusal;
import cn.edu.cashl.hub.harvest.crossref.WorksPage;
import cn.edu.cashl.hub.harvest.crossref.WorksQuery;
import cn.edu.cashl.hub.harvest.oai.HarvestFault;
import cn.edu.cashl.hub.ingest.read.RecordReader;
import cn.edu.cashl.hub.source.JournalList;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * One run over Crossref's REST API for a source's journal list (docs/harvesting.md): the works of
 * the list's ISSNs updated since the watermark, query by query ({@link WorksQuery}: at most
 * {@value WorksQuery#ISSNS_PER_QUERY} ISSNs each), each query walked with its own cursor from
 * {@code *} until a page brings no works.
 *
 * <ul>
 * <li>Incremental: {@code from-update-date} is the watermark, the day (UTC) the last complete run
 *     started. Crossref's filter includes that day, so the works of that day come again and are
 *     recognised as unchanged; the first run and a full one ask for every work.</li>
 * <li>Checkpointed after every page, once its works are written: the query, the works read in it and
 *     the next cursor. A resumed run goes on with that cursor; when Crossref no longer knows it
 *     (cursors expire after minutes unused), it refuses it or answers an empty page before the query's
 *     total, and the query is read again from its start, which only brings works again unchanged. A
 *     checkpoint taken under another journal list starts the queries again.</li>
 * <li>Crossref deletes nothing it registered: nothing is retired.</li>
 * </ul>
 */
final class CrossrefHarvest implements HarvestTask {

    private final CrossrefClient client;
    private final JournalList journals;
    private final int rows;

    CrossrefHarvest(CrossrefClient client, JournalList journals, int rows) {
        this.client = client;
        this.journals = journals;
        this.rows = rows;
    }

    @Override
    public String run(HarvestRun run) throws HarvestFault, InterruptedException {
        LocalDate from = from(run);
        WorksQuery query = WorksQuery.of(
                run.source().url(), journals, from, rows, run.source().mailto());
        Position position = Position.parse(run.resumeFrom());
        if (position != null && !position.fingerprint().equals(query.fingerprint())) {
            run.log(
                    "restart",
                    "the journal list " + journals.id()
                            + " changed since the run was interrupted: its queries are read again from the first");
            position = null;
        }
        if (position == null) {
            position = Position.start(query, 0);
            run.log(
                    "note",
                    "journal list " + journals.id() + ": " + journals.size() + " journals, " + query.issnCount()
                            + " ISSNs in " + query.queries() + (query.queries() == 1 ? " query" : " queries")
                            + ", " + (from == null ? "every work" : "works updated since " + from) + ", "
                            + rows + " a page");
        } else {
            run.log(
                    "resume",
                    "resuming query " + (position.query() + 1) + " of " + query.queries() + " after " + position.works()
                            + " works");
        }
        for (int index = position.query(); index < query.queries(); index++) {
            new Walk(run, query, index).read(index == position.query() ? position : Position.start(query, index));
            run.checkpoint(Position.start(query, index + 1).toString());
        }
        return run.startedAt().atOffset(ZoneOffset.UTC).toLocalDate().toString();
    }

    /** The first day asked for: the watermark's; null for a full run or one without a readable watermark. */
    private static LocalDate from(HarvestRun run) {
        String watermark = run.watermarkBefore();
        if (watermark == null) {
            return null;
        }
        try {
            return LocalDate.parse(watermark.length() > 10 ? watermark.substring(0, 10) : watermark);
        } catch (DateTimeParseException e) {
            run.log("note", "the watermark '" + watermark + "' is not a day: every work is asked for");
            return null;
        }
    }

    /** The cursor walk of one query. */
    private final class Walk {
        private final HarvestRun run;
        private final WorksQuery query;
        private final int index;

        Walk(HarvestRun run, WorksQuery query, int index) {
            this.run = run;
            this.query = query;
            this.index = index;
        }

        void read(Position start) throws HarvestFault, InterruptedException {
            String cursor = start.cursor();
            long works = start.works();
            boolean resumed = !cursor.equals(WorksQuery.FIRST_CURSOR);
            long announced = -1;
            int page = 0;
            while (true) {
                if (Thread.interrupted()) {
                    throw new InterruptedException("harvest of " + run.source().id() + " stopped");
                }
                String name = "query " + (index + 1) + " of " + query.queries() + ", page " + (++page)
                        + (resumed ? " (resumed)" : "");
                WorksPage answer;
                try {
                    answer = client.page(query, index, cursor, name, run);
                } catch (CrossrefRefusal e) {
                    if (resumed) {
                        restart("Crossref no longer takes the cursor of the interrupted run (" + e.getMessage() + ")");
                        cursor = WorksQuery.FIRST_CURSOR;
                        works = 0;
                        resumed = false;
                        continue;
                    }
                    throw HarvestFault.failed(e.getMessage());
                }
                announced = Math.max(announced, answer.totalResults());
                if (answer.items() == 0) {
                    if (resumed && works < answer.totalResults()) {
                        restart("the cursor of the interrupted run brings no works after " + works + " of "
                                + answer.totalResults() + ": it expired");
                        cursor = WorksQuery.FIRST_CURSOR;
                        works = 0;
                        resumed = false;
                        continue;
                    }
                    if (works < announced) {
                        run.log(
                                "note",
                                "query " + (index + 1) + " ended after " + works + " works but Crossref announced "
                                        + announced);
                    }
                    return;
                }
                resumed = false;
                try (RecordReader records = answer.works()) {
                    run.ingest(records);
                }
                run.counts().pages++;
                works += answer.items();
                // A cursor walk that outruns what the query holds by far would never end.
                if (announced >= 0 && works > 2 * announced + query.rows()) {
                    throw new HarvestFault("query " + (index + 1) + " goes on past " + works + " works, though "
                            + announced + " were announced: the walk would never end");
                }
                if (answer.nextCursor() == null || answer.nextCursor().isBlank()) {
                    return;
                }
                cursor = answer.nextCursor();
                run.checkpoint(new Position(query.fingerprint(), index, works, cursor).toString());
            }
        }

        private void restart(String why) {
            run.log("restart", "query " + (index + 1) + ": " + why + "; the query is read again from its start");
        }
    }

    /**
     * Where a run is: which query, how many of its works were read, the cursor of its next page, and
     * the fingerprint of the queries it was taken under.
     */
    record Position(String fingerprint, int query, long works, String cursor) {

        private static final String PREFIX = "crossref:";

        static Position start(WorksQuery query, int index) {
            return new Position(query.fingerprint(), index, 0, WorksQuery.FIRST_CURSOR);
        }

        /** The position a checkpoint names; null for none (or one that is not a Crossref run's). */
        static Position parse(String checkpoint) {
            if (checkpoint == null || !checkpoint.startsWith(PREFIX)) {
                return null;
            }
            // The cursor goes last: whatever it holds, it is the rest of the checkpoint.
            String[] parts = checkpoint.substring(PREFIX.length()).split(":", 4);
            if (parts.length < 4) {
                return null;
            }
            try {
                return new Position(parts[0], Integer.parseInt(parts[1]), Long.parseLong(parts[2]), parts[3]);
            } catch (NumberFormatException e) {
                return null;
            }
        }

        @Override
        public String toString() {
            return PREFIX + fingerprint + ":" + query + ":" + works + ":" + cursor;
        }
    }
}
