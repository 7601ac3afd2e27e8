package cn.edu.cashl.hub.harvest;

import cn.edu.cashl.hub.catalog.CatalogStore;
import cn.edu.cashl.hub.harvest.oai.FetchListener;
import cn.edu.cashl.hub.ingest.IngestPipeline;
import cn.edu.cashl.hub.ingest.IngestSummary;
import cn.edu.cashl.hub.ingest.read.RawRecord;
import cn.edu.cashl.hub.ingest.read.RecordReader;
import cn.edu.cashl.hub.merge.MergeStats;
import cn.edu.cashl.hub.source.Source;
import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A harvest run in progress: what the source-specific harvest ({@link OaiHarvest}, {@link
 * CalisHarvest}) uses to ingest records, count, log and checkpoint. Records go through the same
 * ingest pipeline as a file import; a checkpoint is saved only after the records before it are in
 * the catalogue's store, so that a resumed run never skips one.
 */
public final class HarvestRun implements FetchListener {

    private static final Logger LOG = LoggerFactory.getLogger(HarvestRun.class);

    private final RunRecord record;
    private final Source source;
    private final HarvestStore store;
    private final IngestPipeline pipeline;
    private final Clock clock;
    private final RunCounts counts;
    private final boolean deletionsConfirmed;
    private String responseDate;
    private MergeStats seen;

    /**
     * @param deletionsConfirmed an admin confirmed that this run may retire more records than the
     *                           {@link DeletionGuard} allows
     */
    HarvestRun(
            RunRecord record,
            Source source,
            HarvestStore store,
            IngestPipeline pipeline,
            Clock clock,
            boolean deletionsConfirmed) {
        this.record = record;
        this.source = source;
        this.store = store;
        this.pipeline = pipeline;
        this.clock = clock;
        this.counts = record.counts();
        this.deletionsConfirmed = deletionsConfirmed;
        this.responseDate = record.responseDate();
        this.seen = pipeline.mergeStats();
    }

    public long id() {
        return record.id();
    }

    public Source source() {
        return source;
    }

    public Instant startedAt() {
        return record.startedAt();
    }

    /** A full harvest: from the beginning, whatever the watermark. */
    public boolean full() {
        return record.full();
    }

    /**
     * Whether an admin confirmed that this run may retire more of the source's records than the
     * {@link DeletionGuard} allows (after the guard stopped an earlier run).
     */
    public boolean deletionsConfirmed() {
        return deletionsConfirmed;
    }

    /** The watermark this run harvests from; null for a full harvest. */
    public String watermarkBefore() {
        return record.full() ? null : record.watermarkBefore();
    }

    /** Where an interrupted run stopped, or null for a fresh run. */
    public String resumeFrom() {
        return record.checkpoint();
    }

    public RunCounts counts() {
        return counts;
    }

    /** The responseDate of the run's first request; kept from before an interruption. */
    public String responseDate() {
        return responseDate;
    }

    public void firstResponseDate(String date) {
        if (responseDate == null) {
            responseDate = date;
        }
    }

    /** Ingests records (a page, a file) and waits until they are written. */
    public void ingest(List<RawRecord> records) {
        ingest(new ListReader(records));
    }

    /** Ingests a reader's records and waits until they are written. */
    public void ingest(RecordReader reader) {
        IngestSummary summary = pipeline.run(source, reader, progress -> {});
        counts.accepted += summary.accepted();
        counts.filtered += summary.filtered();
        counts.quarantined += summary.quarantined();
        counts.deleted += summary.deleted();
        MergeStats now = pipeline.mergeStats();
        counts.added += now.sourcesAdded - seen.sourcesAdded;
        counts.changed += now.sourcesChanged - seen.sourcesChanged;
        counts.unchanged += now.unchangedSources - seen.unchangedSources;
        seen = now;
    }

    /** Saves the position and the counts; call only after the records before it were ingested. */
    public void checkpoint(String position) {
        store.checkpoint(record.id(), counts, position, responseDate);
    }

    /** Adds a line to the run's log. */
    public void log(String kind, String message) {
        LOG.info("{} run {}: {}: {}", source.id(), record.id(), kind, message);
        store.event(record.id(), kind, message, clock.instant());
    }

    @Override
    public void requested(String uri, long bytes) {
        counts.requests++;
        counts.bytes += bytes;
    }

    @Override
    public void retrying(String reason, long waitMillis) {
        counts.retries++;
        log("retry", reason + "; next try in " + waitMillis + " ms");
    }

    @Override
    public void repaired(String description) {
        counts.repairs++;
        log("repair", description);
    }

    /** Makes what was ingested visible. */
    void commit() {
        pipeline.commit();
    }

    /** Now, by the run's clock. */
    Instant now() {
        return clock.instant();
    }

    /** The catalogue store the run writes to: what a retirement compares a full dump with. */
    CatalogStore catalog() {
        return pipeline.store();
    }

    /** The records of a page, as a reader for the pipeline. */
    private static final class ListReader implements RecordReader {
        private final Iterator<RawRecord> records;

        ListReader(List<RawRecord> records) {
            this.records = records.iterator();
        }

        @Override
        public boolean hasNext() {
            return records.hasNext();
        }

        @Override
        public RawRecord next() {
            return records.next();
        }

        @Override
        public void close() {}
    }
}
