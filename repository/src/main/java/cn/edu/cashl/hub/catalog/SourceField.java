package cn.edu.cashl.hub.catalog;

import java.util.List;

/**
 * The extra fields of a source record (the {@link StoreCollection#SOURCE source collection}),
 * beside its raw and canonical XML and status: what the ingest pipeline writes and the
 * re-crosswalk, the quarantine, OAI-PMH provenance and the admin read back. The Solr names are
 * dynamic fields of the configset, so adding one needs no schema change. Master-record fields are
 * {@code merge.CatalogFields} and {@link SearchFields}.
 */
public enum SourceField {
    /** The record's id at its source (001, OAI identifier's local part, or its position). */
    LOCAL_ID("local_id_s"),
    /** Where it was in its file or response ("file.mrc record 12"), for people looking for it. */
    POSITION("position_s"),
    /** Its {@code RecordFormat} as read (MARC21, UNIMARC, OAI_DC, MODS...). */
    FORMAT("format_s"),
    /** Its OAI-PMH identifier at the source, when harvested. */
    OAI_ID("oai_id_s"),
    /** Its OAI-PMH datestamp at the source, when harvested. */
    OAI_DATESTAMP("oai_datestamp_s"),
    /** Repairs made while reading it (bad characters, encodings), at most twenty. */
    REPAIRS("repairs_ss"),
    /** The crosswalk and version that made its canonical record ({@code marc21-to-cashl@3}). */
    CROSSWALK("crosswalk_s"),
    /** The HSS rule that accepted or filtered it ({@code lcc:D}). */
    RULE("rule_s"),
    /** Why it was quarantined. */
    REASON("reason_s");

    private final String solrName;

    SourceField(String solrName) {
        this.solrName = solrName;
    }

    /** The field's name in the store. */
    public String solrName() {
        return solrName;
    }

    /** Its first value on a source record, or null. */
    public String of(StoredRecord sourceRecord) {
        return sourceRecord.field(solrName);
    }

    /** All its values on a source record; empty when it has none. */
    public List<String> valuesOf(StoredRecord sourceRecord) {
        return sourceRecord.values(solrName);
    }
}
