package cn.edu.cashl.hub.catalog;

import java.time.Instant;

/**
 * Which records a listing or count covers. Every part is optional (null means "any"); parts
 * combine with AND. Both datestamp bounds are inclusive, as in OAI-PMH.
 *
 * @param set      OAI set spec the record must belong to
 * @param library  code of a library that must hold the record
 * @param source   id of the source that sent the record
 * @param status   source-record status
 * @param from     earliest datestamp, inclusive
 * @param until    latest datestamp, inclusive
 * @param deleted  only deleted (true) or only live (false) records
 * @param oaiSet   an OAI-PMH selective-harvest set: records in it or in a set below it in the
 *                 hierarchy ({@code library} covers {@code library:pku}), now or formerly (the
 *                 {@link #FORMER_SET} field), so that a set's harvests learn of records that left
 */
public record RecordFilter(
        String set,
        String library,
        String source,
        String status,
        Instant from,
        Instant until,
        Boolean deleted,
        String oaiSet) {

    /** The extra field of the OAI set specs a master record has left (see {@code oaiSet}). */
    public static final String FORMER_SET = "former_set_ss";

    /** No restriction: every record of the collection. */
    public static final RecordFilter ALL = new RecordFilter(null, null, null, null, null, null, null, null);

    public RecordFilter withSet(String value) {
        return new RecordFilter(value, library, source, status, from, until, deleted, oaiSet);
    }

    public RecordFilter withLibrary(String value) {
        return new RecordFilter(set, value, source, status, from, until, deleted, oaiSet);
    }

    public RecordFilter withSource(String value) {
        return new RecordFilter(set, library, value, status, from, until, deleted, oaiSet);
    }

    public RecordFilter withStatus(SourceRecordStatus value) {
        return new RecordFilter(
                set, library, source, value == null ? null : value.value(), from, until, deleted, oaiSet);
    }

    public RecordFilter withFrom(Instant value) {
        return new RecordFilter(set, library, source, status, value, until, deleted, oaiSet);
    }

    public RecordFilter withUntil(Instant value) {
        return new RecordFilter(set, library, source, status, from, value, deleted, oaiSet);
    }

    public RecordFilter withDeleted(Boolean value) {
        return new RecordFilter(set, library, source, status, from, until, value, oaiSet);
    }

    public RecordFilter withOaiSet(String value) {
        return new RecordFilter(set, library, source, status, from, until, deleted, value);
    }
}
