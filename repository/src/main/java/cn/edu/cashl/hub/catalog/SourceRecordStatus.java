package cn.edu.cashl.hub.catalog;

import java.util.Locale;

/** What became of a source record: the status field of the {@link StoreCollection#SOURCE source collection}. */
public enum SourceRecordStatus {
    /** In the union catalogue. */
    ACCEPTED,
    /** Kept, but left out of the catalogue by the HSS filter; a rule change can bring it back. */
    FILTERED,
    /** Could not be read, transformed or validated; kept with the reason. */
    QUARANTINED,
    /** Withdrawn by its source (OAI-PMH deleted header). */
    DELETED;

    /** The value stored in the source collection's status field. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether a source record has this status. */
    public boolean of(StoredRecord sourceRecord) {
        return value().equals(sourceRecord.status());
    }
}
