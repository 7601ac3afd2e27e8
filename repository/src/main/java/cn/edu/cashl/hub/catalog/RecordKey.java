package cn.edu.cashl.hub.catalog;

import java.time.Instant;
import java.util.Objects;

/** A record's place in a listing: listings sort by datestamp, then id. */
public record RecordKey(Instant datestamp, String id) {

    public RecordKey {
        Objects.requireNonNull(datestamp, "datestamp");
        Objects.requireNonNull(id, "id");
    }

    public static RecordKey of(StoredRecord record) {
        return new RecordKey(record.datestamp(), record.id());
    }
}
