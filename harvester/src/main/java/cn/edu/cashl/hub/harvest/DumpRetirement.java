package cn.edu.cashl.hub.harvest;

import cn.edu.cashl.hub.catalog.CatalogStore;
import cn.edu.cashl.hub.catalog.Projection;
import cn.edu.cashl.hub.catalog.RecordPage;
import cn.edu.cashl.hub.catalog.SourceField;
import cn.edu.cashl.hub.catalog.SourceRecords;
import cn.edu.cashl.hub.catalog.StoreCollection;
import cn.edu.cashl.hub.catalog.StoredRecord;
import cn.edu.cashl.hub.harvest.oai.HarvestFault;
import cn.edu.cashl.hub.ingest.CrosswalkParams;
import cn.edu.cashl.hub.ingest.read.RawRecord;
import cn.edu.cashl.hub.ingest.read.RecordReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * Retires what a full CALIS dump no longer holds. Union-catalogue loads take a full dump as the
 * whole truth about a source: a record of the source that is not in it is gone at the source,
 * whatever became of it here (accepted, filtered or quarantined). Such records are deleted through
 * the ingest pipeline, as a delete list's are, so that their master records lose the holding, or
 * become deleted records when no member is left, and OAI-PMH harvesters learn of it.
 *
 * <p>Memory stays bounded whatever the dump's size: the ids of its records go to the database in
 * batches as it is read ({@link HarvestStore#dumpSeen}), and afterwards the source's records are
 * walked a page at a time and looked up there. Only a dump read to its end is compared: one whose
 * reader gave up on the rest of it (XML broken off) ends the run {@code partial}. A dump is
 * always read from its start (a run resumed inside it reads it again), so the ids of the source are
 * cleared when its dump begins and once it is done with: a run that failed or was interrupted inside
 * the dump leaves nothing that counts.
 *
 * <p>The {@link DeletionGuard} stops a dump that would delete more of the source's records (as they
 * were when the dump began) than it allows: nothing is deleted, the deletions are kept as {@link
 * HeldDeletions} and the run ends {@code partial}, until a run an admin confirmed retires them.
 */
final class DumpRetirement implements AutoCloseable {

    /** Ids per insert while the dump is read. */
    private static final int BATCH = 1000;
    /** Source records per look-up afterwards. */
    private static final int PAGE = 500;

    private final HarvestRun run;
    private final HarvestStore store;
    private final DeletionGuard guard;
    private final String dump;
    private final long recordsBefore;
    private final List<String> batch = new ArrayList<>(BATCH);
    /** The pipeline took the dump's last record. */
    private boolean exhausted;
    /** The reader gave up on the rest of the dump (XML broken off): the dump is not the whole truth. */
    private boolean gaveUp;

    private DumpRetirement(HarvestRun run, HarvestStore store, DeletionGuard guard, String dump, long recordsBefore) {
        this.run = run;
        this.store = store;
        this.guard = guard;
        this.dump = dump;
        this.recordsBefore = recordsBefore;
    }

    /** Before a full dump is read: forgets any earlier dump's ids and counts the source's records. */
    static DumpRetirement begin(HarvestRun run, HarvestStore store, DeletionGuard guard, String dump) {
        String source = run.source().id();
        store.forgetDump(source);
        run.commit(); // the count sees every record the run wrote before the dump
        long before = run.catalog().count(StoreCollection.SOURCE, SourceRecords.of(source));
        return new DumpRetirement(run, store, guard, dump, before);
    }

    /** The dump's records, passed through to the pipeline, each one noted as held by the dump. */
    RecordReader recording(RecordReader records) {
        return new Recording(records);
    }

    /**
     * Once the dump was ingested: deletes the source's records it does not hold, unless the guard
     * holds them back.
     *
     * @throws HarvestFault        ({@code partial}) when the guard holds the deletions back, or the
     *                             dump could not be read to its end
     * @throws InterruptedException when the hub stops meanwhile; nothing was deleted yet
     */
    void retire() throws HarvestFault, InterruptedException {
        if (!exhausted) {
            throw new IllegalStateException("full dump " + dump + " was not read to its end");
        }
        if (gaveUp) {
            String reason = "full dump " + dump
                    + " could not be read to its end (its last record in the quarantine says why): nothing retired";
            run.log("retire", reason);
            throw new HarvestFault(reason);
        }
        flush();
        run.commit(); // the dump's new records must be visible to the walk, or they would look unheld
        String source = run.source().id();
        long deletions = countUnheld();
        if (deletions == 0) {
            run.log(
                    "retire",
                    recordsBefore == 0
                            ? "nothing to retire: the source had no records before full dump " + dump
                            : "nothing to retire: full dump " + dump + " holds every one of the source's "
                                    + recordsBefore + " records");
            store.releaseDeletions(source);
            return;
        }
        double share = DeletionGuard.share(deletions, recordsBefore);
        String lost = deletions + " of " + recordsBefore + " records (" + DeletionGuard.percent(share) + ")";
        if (guard.holds(deletions, recordsBefore)) {
            if (!run.deletionsConfirmed()) {
                String reason = "full dump " + dump + " would delete " + lost + ", more than the " + guard
                        + ": nothing deleted; confirm with harvest --confirm-deletions or in the admin";
                run.log("guard", reason);
                store.holdDeletions(new HeldDeletions(source, run.id(), dump, deletions, recordsBefore, run.now()));
                throw new HarvestFault(reason);
            }
            run.log("guard", "full dump " + dump + " deletes " + lost + ", more than the " + guard + ", as confirmed");
        }
        long deletedBefore = run.counts().deleted;
        run.ingest(new Retired(new Unheld(run.catalog(), store, source)));
        run.log(
                "retire",
                "retired " + (run.counts().deleted - deletedBefore) + " of the source's " + recordsBefore
                        + " records (" + DeletionGuard.percent(share) + ") that full dump " + dump
                        + " no longer holds");
        store.releaseDeletions(source);
    }

    /** Counts the source's records the dump does not hold, a page at a time; stops when the hub does. */
    private long countUnheld() throws InterruptedException {
        Unheld unheld = new Unheld(run.catalog(), store, run.source().id());
        long count = 0;
        while (unheld.readPage()) {
            count += unheld.takeAll();
            if (Thread.interrupted()) {
                throw new InterruptedException("retirement after " + dump + " stopped");
            }
        }
        return count;
    }

    private void note(RawRecord record) {
        batch.add(CrosswalkParams.recordId(run.source(), record));
        if (batch.size() >= BATCH) {
            flush();
        }
    }

    private void flush() {
        if (!batch.isEmpty()) {
            store.dumpSeen(run.source().id(), batch);
            batch.clear();
        }
    }

    /** The dump's ids are not needed any more, whether it was retired, held back or cut short. */
    @Override
    public void close() {
        batch.clear();
        store.forgetDump(run.source().id());
    }

    /** The dump's records on their way to the pipeline (on the run's thread), each one noted. */
    private final class Recording implements RecordReader {
        private final RecordReader records;

        Recording(RecordReader records) {
            this.records = records;
        }

        @Override
        public boolean hasNext() {
            boolean more = records.hasNext();
            if (!more) {
                exhausted = true;
                gaveUp = records.gaveUp();
            }
            return more;
        }

        @Override
        public boolean gaveUp() {
            return records.gaveUp();
        }

        @Override
        public RawRecord next() {
            RawRecord record = records.next();
            // A deletion in the dump (leader/05 d) is noted too: the pipeline deletes it anyway.
            note(record);
            return record;
        }

        @Override
        public void close() {
            records.close();
        }
    }

    /**
     * The source's stored records that the dump does not hold, walked with a cursor over the source
     * collection. The walk survives the deletions it causes: they are all behind the cursor, and a
     * record that stays keeps its place (datestamp, id).
     */
    private static final class Unheld {
        private final CatalogStore catalog;
        private final HarvestStore store;
        private final String source;
        private final Deque<StoredRecord> buffer = new ArrayDeque<>();
        private String cursor = CatalogStore.FIRST_PAGE;

        Unheld(CatalogStore catalog, HarvestStore store, String source) {
            this.catalog = catalog;
            this.store = store;
            this.source = source;
        }

        /** Adds those of the next page of the source's records the dump does not hold; false after the last. */
        boolean readPage() {
            if (cursor == null) {
                return false;
            }
            RecordPage page =
                    catalog.list(StoreCollection.SOURCE, SourceRecords.of(source), cursor, PAGE, Projection.FIELDS);
            List<String> ids = page.records().stream().map(StoredRecord::id).toList();
            Set<String> held = store.seenInDump(source, ids);
            for (StoredRecord record : page.records()) {
                // Every record the pipeline writes has its local id, which names it in a deletion.
                if (!held.contains(record.id()) && SourceField.LOCAL_ID.of(record) != null) {
                    buffer.add(record);
                }
            }
            cursor = page.nextCursor();
            return true;
        }

        /** Empties the buffer; says how many records it held. */
        int takeAll() {
            int taken = buffer.size();
            buffer.clear();
            return taken;
        }

        boolean hasNext() {
            while (buffer.isEmpty() && readPage()) {
                // on to the next page: this one held nothing to retire
            }
            return !buffer.isEmpty();
        }

        StoredRecord next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return buffer.poll();
        }
    }

    /** The records the dump does not hold, as deletions for the pipeline. */
    private final class Retired implements RecordReader {
        private final Unheld unheld;

        Retired(Unheld unheld) {
            this.unheld = unheld;
        }

        @Override
        public boolean hasNext() {
            return unheld.hasNext();
        }

        @Override
        public RawRecord next() {
            return RawRecord.deletion(SourceField.LOCAL_ID.of(unheld.next()), "not in full dump " + dump);
        }

        @Override
        public void close() {}
    }
}
