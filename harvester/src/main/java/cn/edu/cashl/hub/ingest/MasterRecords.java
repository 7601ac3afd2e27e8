package cn.edu.cashl.hub.ingest;

import cn.edu.cashl.hub.catalog.StoredRecord;
import cn.edu.cashl.hub.schema.v1.CashlRecord;
import cn.edu.cashl.hub.schema.v1.Holding;
import java.time.Instant;

/**
 * Master records as the catalog collection keeps them: the canonical XML, and the OAI-PMH sets
 * ({@code library:<code>} for every holding library, {@code type:<type>}) and holding libraries the
 * providers filter on.
 */
final class MasterRecords {

    private MasterRecords() {
    }

    static StoredRecord of(CashlRecord record, String canonicalXml, Instant datestamp) {
        StoredRecord.Builder master = StoredRecord.builder(record.getId(), datestamp).xml(canonicalXml)
                .set("type:" + record.getType().value());
        for (Holding holding : record.getHolding()) {
            master.library(holding.getLibrary()).set("library:" + holding.getLibrary());
        }
        return master.build();
    }

    /**
     * The deleted form of a published master record. It keeps its sets, so that a harvest of any of
     * them learns of the deletion (OAI-PMH deletedRecord "persistent").
     */
    static StoredRecord tombstone(StoredRecord published, Instant datestamp) {
        StoredRecord.Builder tombstone = StoredRecord.builder(published.id(), datestamp).deleted(true);
        published.sets().forEach(tombstone::set);
        published.libraries().forEach(tombstone::library);
        return tombstone.build();
    }
}
