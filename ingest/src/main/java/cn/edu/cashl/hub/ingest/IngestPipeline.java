package cn.edu.cashl.hub.ingest;

import cn.edu.cashl.hub.catalog.CatalogStore;
import cn.edu.cashl.hub.catalog.DatestampClock;
import cn.edu.cashl.hub.catalog.RecordFilter;
import cn.edu.cashl.hub.catalog.SourceField;
import cn.edu.cashl.hub.catalog.SourceRecordStatus;
import cn.edu.cashl.hub.catalog.StoreCollection;
import cn.edu.cashl.hub.catalog.StoredRecord;
import cn.edu.cashl.hub.crosswalk.Crosswalks;
import cn.edu.cashl.hub.ingest.hss.ArticleScope;
import cn.edu.cashl.hub.ingest.hss.HssFilter;
import cn.edu.cashl.hub.ingest.read.RawRecord;
import cn.edu.cashl.hub.ingest.read.RecordReader;
import cn.edu.cashl.hub.merge.MergeStats;
import cn.edu.cashl.hub.merge.SourceChange;
import cn.edu.cashl.hub.merge.UnionCatalog;
import cn.edu.cashl.hub.schema.CashlRecords;
import cn.edu.cashl.hub.schema.InvalidRecordException;
import cn.edu.cashl.hub.schema.v1.CashlRecord;
import cn.edu.cashl.hub.schema.v1.Discipline;
import cn.edu.cashl.hub.schema.v1.DisciplineValue;
import cn.edu.cashl.hub.schema.v1.RecordType;
import cn.edu.cashl.hub.source.JournalLists;
import cn.edu.cashl.hub.source.Source;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * From raw records to the catalogue: crosswalk, validation against the CASHL schema, HSS filter, and
 * the writes to the source and catalog collections. A file import, a harvest and a re-crosswalk
 * differ only in the {@link RecordReader} they give it.
 *
 * <p>Every record ends in exactly one state and is counted there: accepted (a source record that
 * joins the union catalogue), filtered (source record only), quarantined (source record with the
 * reason; nothing is lost) or deleted (an OAI-PMH deleted header). The {@link UnionCatalog} turns
 * these changes into master records: it merges an accepted record into the master record of its
 * edition, and takes a record that leaves the catalogue out of its master record (which becomes a
 * deleted record when it was the last member, so that OAI-PMH harvesters learn of it).
 */
public final class IngestPipeline {

    static final int BATCH = 500;
    private static final int IN_FLIGHT = 256;
    private static final int MAX_REASON = 4000;

    private final CatalogStore store;
    private final CrosswalkStep crosswalkStep;
    private final HssFilter filter;
    private final JournalLists journalLists;
    private final DatestampClock clock;
    private final UnionCatalog union;
    private final int threads = Runtime.getRuntime().availableProcessors();

    /**
     * @param clock the time of harvest for source records, and the datestamps of master records:
     *              shared by every writer and reader of the store in this process
     */
    public IngestPipeline(CatalogStore store, Crosswalks crosswalks, HssFilter filter, DatestampClock clock) {
        this(store, crosswalks, filter, JournalLists.NONE, clock);
    }

    /**
     * @param journalLists the journal lists that scope articles (a source's {@code journals})
     * @param clock        the time of harvest for source records, and the datestamps of master records:
     *                     shared by every writer and reader of the store in this process
     */
    public IngestPipeline(
            CatalogStore store,
            Crosswalks crosswalks,
            HssFilter filter,
            JournalLists journalLists,
            DatestampClock clock) {
        this.store = store;
        this.crosswalkStep = new CrosswalkStep(crosswalks);
        this.filter = filter;
        this.journalLists = journalLists;
        this.clock = clock;
        this.union = new UnionCatalog(store, clock);
    }

    /**
     * Runs every record of the reader through the pipeline. The writes are sent to the store but not
     * committed: call {@link #commit} once at the end of a whole import or harvest run.
     *
     * @param progress called after each record with the counts so far
     */
    public IngestSummary run(Source source, RecordReader reader, Consumer<IngestSummary> progress) {
        // The source's journal list, read once for the run. A missing one is a configuration fault,
        // found before any record, so that none is filtered for it.
        ArticleScope articles = new ArticleScope(
                source.journals() == null
                        ? null
                        : journalLists
                                .find(source.journals())
                                .orElseThrow(() -> new IllegalArgumentException("source " + source.id()
                                        + " names the journal list " + source.journals()
                                        + ", which does not exist (config/journals or the admin's journal lists)")));
        IngestSummary summary = new IngestSummary();
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        // Reading and writing stay on this thread, in input order; the per-record work (crosswalk,
        // validation, filter) runs on every core. At most IN_FLIGHT records are held at once.
        ExecutorService workers = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "ingest-worker");
            thread.setDaemon(true);
            return thread;
        });
        Deque<Future<Outcome>> inFlight = new ArrayDeque<>();
        try (Writes writes = new Writes()) {
            while (reader.hasNext()) {
                RawRecord raw = reader.next();
                inFlight.add(workers.submit(() -> process(source, raw, now, articles)));
                if (inFlight.size() >= IN_FLIGHT) {
                    drain(inFlight, IN_FLIGHT / 2, writes, summary, progress);
                }
            }
            drain(inFlight, inFlight.size(), writes, summary, progress);
        } finally {
            workers.shutdownNow();
        }
        return summary;
    }

    /** Writes the oldest {@code count} outcomes, in input order. */
    private void drain(
            Deque<Future<Outcome>> inFlight,
            int count,
            Writes writes,
            IngestSummary summary,
            Consumer<IngestSummary> progress) {
        for (int i = 0; i < count; i++) {
            Outcome outcome;
            try {
                outcome = inFlight.poll().get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("ingest interrupted", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("ingest worker failed", e.getCause());
            }
            writes.add(outcome);
            summary.count(outcome.status(), outcome.reason());
            progress.accept(summary);
        }
    }

    /** The store it writes to. */
    public CatalogStore store() {
        return store;
    }

    /** Makes the runs so far durable and visible. */
    public void commit() {
        store.commit();
        union.forgetRecentWrites();
    }

    /** Makes the runs so far durable and visible, and records the catalogue's size in the summary. */
    public void commit(IngestSummary summary) {
        commit();
        summary.masterRecords(store.count(StoreCollection.CATALOG, RecordFilter.ALL.withDeleted(false)));
    }

    /** What deduplication did during the runs of this pipeline so far. */
    public MergeStats mergeStats() {
        return union.stats();
    }

    /** The fate of one record and what to store for it. */
    record Outcome(SourceRecordStatus status, SourceChange change, String reason) {}

    Outcome process(Source source, RawRecord raw, Instant now, ArticleScope articles) {
        String localId = CrosswalkParams.localId(raw);
        String id = RecordIds.sourceRecordId(source.id(), localId);
        Instant received = raw.receivedAt() != null ? raw.receivedAt() : now;
        StoredRecord.Builder sourceRecord =
                StoredRecord.builder(id, received).source(source.id()).raw(raw.xml());
        sourceRecord.field(SourceField.LOCAL_ID, localId).field(SourceField.POSITION, truncate(raw.position(), 500));
        if (raw.format() != null) {
            sourceRecord.field(SourceField.FORMAT, raw.format().name());
        }
        if (raw.sourceIdentifier() != null) {
            sourceRecord.field(SourceField.OAI_ID, raw.sourceIdentifier());
        }
        if (raw.sourceDatestamp() != null) {
            sourceRecord.field(SourceField.OAI_DATESTAMP, raw.sourceDatestamp());
        }
        if (!raw.repairs().isEmpty()) {
            sourceRecord.field(
                    SourceField.REPAIRS,
                    raw.repairs().stream().limit(20).map(r -> truncate(r, 500)).toArray(String[]::new));
        }
        if (raw.deleted()) {
            return new Outcome(SourceRecordStatus.DELETED, SourceChange.deleted(id), null);
        }
        if (!raw.readable()) {
            return quarantine(id, sourceRecord, raw.error());
        }

        CrosswalkStep.Result crosswalked = crosswalkStep.apply(source, id, raw, received);
        sourceRecord.field(SourceField.CROSSWALK, crosswalked.crosswalk());
        if (!crosswalked.ok()) {
            return quarantine(id, sourceRecord, crosswalked.failure());
        }
        CashlRecord record = crosswalked.record();

        // Articles are scoped by their journal, everything else by the HSS rules (docs/articles.md).
        HssFilter.Decision decision =
                record.getType() == RecordType.ARTICLE ? articles.decide(record) : filter.decide(record);
        String canonical;
        try {
            canonical = withDiscipline(crosswalked.xml(), record, decision);
        } catch (InvalidRecordException e) {
            return quarantine(id, sourceRecord, "the filtered record is not valid: " + e.getMessage());
        }
        sourceRecord.xml(canonical).field(SourceField.RULE, decision.rule());
        if (!decision.keep()) {
            sourceRecord.status(SourceRecordStatus.FILTERED);
            return new Outcome(SourceRecordStatus.FILTERED, SourceChange.withdrawn(sourceRecord.build()), null);
        }
        sourceRecord.status(SourceRecordStatus.ACCEPTED);
        return new Outcome(SourceRecordStatus.ACCEPTED, SourceChange.accepted(sourceRecord.build(), record), null);
    }

    /**
     * The validated crosswalk output with the filter's decision in place of the crosswalks'
     * {@code <discipline>unknown</discipline>}: a text substitution that keeps the record valid by
     * construction (an enumerated value, a rule id escaped as text), and saves a second serialise and
     * validate. A crosswalk that writes the placeholder differently gets the full JAXB round trip.
     * Either way the bound record gets the decision too, as deduplication merges bound records.
     */
    static String withDiscipline(String validXml, CashlRecord record, HssFilter.Decision decision)
            throws InvalidRecordException {
        Discipline discipline = new Discipline();
        discipline.setValue(DisciplineValue.fromValue(decision.discipline()));
        discipline.setRule(decision.rule());
        record.setDiscipline(discipline);
        String placeholder = "<discipline>unknown</discipline>";
        int at = validXml.indexOf(placeholder);
        if (at >= 0 && validXml.indexOf(placeholder, at + 1) < 0) {
            String element = "<discipline rule=\"" + escapeAttribute(decision.rule()) + "\">" + decision.discipline()
                    + "</discipline>";
            return validXml.substring(0, at) + element + validXml.substring(at + placeholder.length());
        }
        return CashlRecords.get().write(record);
    }

    private static String escapeAttribute(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;");
    }

    private static Outcome quarantine(String id, StoredRecord.Builder sourceRecord, String reason) {
        String text = truncate(reason == null ? "unknown failure" : reason, MAX_REASON);
        sourceRecord.status(SourceRecordStatus.QUARANTINED).field(SourceField.REASON, text);
        return new Outcome(SourceRecordStatus.QUARANTINED, SourceChange.withdrawn(sourceRecord.build()), text);
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    /**
     * Batched writes, handed in input order to one writer thread, so that deduplication and indexing
     * run beside reading and crosswalking. At most two batches wait, bounding memory.
     */
    private final class Writes implements AutoCloseable {
        private static final int MAX_QUEUED = 2;

        private List<SourceChange> batch = new ArrayList<>();
        private final ExecutorService writer = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "ingest-writer");
            thread.setDaemon(true);
            return thread;
        });
        private final Deque<Future<?>> queued = new ArrayDeque<>();

        void add(Outcome outcome) {
            batch.add(outcome.change());
            if (batch.size() >= BATCH) {
                flush();
            }
        }

        /** Hands the batch to the writer thread. */
        void flush() {
            List<SourceChange> changes = batch;
            batch = new ArrayList<>();
            awaitQueued(MAX_QUEUED - 1);
            queued.add(writer.submit(() -> union.apply(changes)));
        }

        /** Waits until at most {@code max} batches are queued; a failed write fails the run. */
        private void awaitQueued(int max) {
            while (queued.size() > max) {
                try {
                    queued.poll().get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("ingest interrupted", e);
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof RuntimeException runtime
                            ? runtime
                            : new IllegalStateException("writing to the store failed", e.getCause());
                }
            }
        }

        /** Sends what is left and waits for every write. */
        @Override
        public void close() {
            try {
                flush();
                awaitQueued(0);
            } finally {
                writer.shutdownNow();
            }
        }
    }
}
