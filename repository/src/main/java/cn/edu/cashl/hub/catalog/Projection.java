package cn.edu.cashl.hub.catalog;

/**
 * How much of a record a bulk read returns. The stored XML is most of a record's size, and reading
 * it costs: a reader that needs only the other fields says so.
 */
public enum Projection {
    /** Every field but the stored XML ({@code xml} and {@code raw}). */
    FIELDS,
    /** Every field and the canonical XML, not the raw record. */
    CANONICAL,
    /** What an OAI-PMH header and provenance need: id, datestamp, deleted flag, sets, former sets, members. */
    HEADERS,
    /** {@link #HEADERS} and the canonical XML: what OAI-PMH publishes of a master record. */
    PUBLISHED,
    /**
     * What OAI-PMH provenance reads of a source record: id, datestamp, source and the single-valued
     * string fields (the configset's {@code *_s}, as every single-valued {@link SourceField} is). A
     * record visible at the last refresh is read as it was then (the Solr store reads these fields
     * from docValues instead of decompressing the stored record with its XML, which made provenance
     * a third of an OAI-PMH page's cost); one written since that was not visible yet is read as
     * written.
     */
    ORIGINS,
    /** The whole record. */
    ALL
}
