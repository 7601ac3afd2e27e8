package cn.edu.cashl.hub.catalog;

/**
 * The queries over the {@link StoreCollection#SOURCE source collection} that several parts of the
 * hub ask (the re-crosswalk, the quarantine retry, the admin's quarantine and preview), spelled
 * once. Its fields are {@link SourceField}, its statuses {@link SourceRecordStatus}.
 */
public final class SourceRecords {

    private SourceRecords() {}

    /** Every record a source sent. */
    public static RecordFilter of(String sourceId) {
        return RecordFilter.ALL.withSource(sourceId);
    }

    /** The records a source sent that have this status; every record of the source when status is null. */
    public static RecordFilter of(String sourceId, SourceRecordStatus status) {
        return status == null ? of(sourceId) : of(sourceId).withStatus(status);
    }
}
