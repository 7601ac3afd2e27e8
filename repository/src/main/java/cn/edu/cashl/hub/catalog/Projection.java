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
    /** The whole record. */
    ALL
}
