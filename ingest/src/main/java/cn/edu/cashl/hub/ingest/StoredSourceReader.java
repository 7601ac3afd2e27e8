package cn.edu.cashl.hub.ingest;

import cn.edu.cashl.hub.catalog.CatalogStore;
import cn.edu.cashl.hub.catalog.RecordFilter;
import cn.edu.cashl.hub.catalog.RecordPage;
import cn.edu.cashl.hub.catalog.SourceField;
import cn.edu.cashl.hub.catalog.SourceRecordStatus;
import cn.edu.cashl.hub.catalog.SourceRecords;
import cn.edu.cashl.hub.catalog.StoreCollection;
import cn.edu.cashl.hub.catalog.StoredRecord;
import cn.edu.cashl.hub.ingest.read.RawRecord;
import cn.edu.cashl.hub.ingest.read.RecordFormat;
import cn.edu.cashl.hub.ingest.read.RecordReader;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Reads a source's stored raw records back, for a re-crosswalk: the first stage of the pipeline
 * when nothing is harvested again. Walks the source collection with a cursor (sorted by receipt
 * time, which a re-crosswalk keeps, so the walk is stable while it rewrites the records it reads).
 * A record that was unreadable when it arrived stays quarantined with its original reason.
 */
public final class StoredSourceReader implements RecordReader {

    private static final int PAGE = 200;

    private final CatalogStore store;
    private final RecordFilter filter;
    private final Deque<StoredRecord> buffer = new ArrayDeque<>();
    private String cursor = CatalogStore.FIRST_PAGE;

    public StoredSourceReader(CatalogStore store, String sourceId) {
        this(store, sourceId, null);
    }

    /**
     * Only the source's records in one status, e.g. {@code quarantined} to retry them after a fix.
     * Records that leave the status as they are rewritten do not disturb the walk (a cursor, not
     * offsets).
     *
     * @param status a source-record status; null for every record
     */
    public StoredSourceReader(CatalogStore store, String sourceId, SourceRecordStatus status) {
        this.store = store;
        this.filter = SourceRecords.of(sourceId, status);
    }

    /** How many records a reader with the same arguments reads (null status: every record). */
    public static long count(CatalogStore store, String sourceId, SourceRecordStatus status) {
        return store.count(StoreCollection.SOURCE, SourceRecords.of(sourceId, status));
    }

    @Override
    public boolean hasNext() {
        if (buffer.isEmpty() && cursor != null) {
            RecordPage page = store.list(StoreCollection.SOURCE, filter, cursor, PAGE);
            buffer.addAll(page.records());
            cursor = page.nextCursor();
        }
        return !buffer.isEmpty();
    }

    @Override
    public RawRecord next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        StoredRecord stored = buffer.poll();
        String format = SourceField.FORMAT.of(stored);
        String position = "stored record " + stored.id();
        String localId = SourceField.LOCAL_ID.of(stored);
        String oaiId = SourceField.OAI_ID.of(stored);
        String oaiDatestamp = SourceField.OAI_DATESTAMP.of(stored);
        if (format == null) {
            String reason = SourceField.REASON.of(stored);
            return new RawRecord(
                    null,
                    stored.raw(),
                    localId,
                    oaiId,
                    oaiDatestamp,
                    false,
                    position,
                    List.of(),
                    reason == null ? "stored without a format" : reason,
                    stored.datestamp());
        }
        return new RawRecord(
                RecordFormat.valueOf(format),
                stored.raw(),
                localId,
                oaiId,
                oaiDatestamp,
                false,
                position,
                SourceField.REPAIRS.valuesOf(stored),
                stored.raw() == null ? "no raw record stored" : null,
                stored.datestamp());
    }

    @Override
    public void close() {
        buffer.clear();
        cursor = null;
    }
}
