package cn.edu.cashl.hub.admin.source;

import cn.edu.cashl.hub.catalog.SourceField;
import cn.edu.cashl.hub.catalog.StoredRecord;

/**
 * A quarantined record in a page of the quarantine, without the record itself.
 *
 * @param reason    why the pipeline refused it
 * @param crosswalk the crosswalk and version that refused it ({@code marc21-to-cashl@1})
 * @param position  where it was read ("books.mrc, record 17")
 */
public record QuarantinedRecordJson(
        String id, String localId, String status, String reason, String receivedAt, String crosswalk, String position) {

    static QuarantinedRecordJson of(StoredRecord record) {
        return new QuarantinedRecordJson(
                record.id(),
                record.field(SourceField.LOCAL_ID),
                record.status(),
                record.field(SourceField.REASON),
                record.datestamp().toString(),
                record.field(SourceField.CROSSWALK),
                record.field(SourceField.POSITION));
    }
}
