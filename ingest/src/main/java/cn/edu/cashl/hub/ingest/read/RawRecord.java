package cn.edu.cashl.hub.ingest.read;

import java.time.Instant;
import java.util.List;

/**
 * One record as a reader found it, before any crosswalk.
 *
 * @param format           its metadata format (null when it could not be read at all)
 * @param xml              the record as a standalone XML document: MARCXML for MARC, the metadata
 *                         element for OAI-PMH, the element itself for DC and MODS files; null when
 *                         unreadable
 * @param localId          the source's own id for it (001, OAI identifier), or null if it has none
 * @param sourceIdentifier the OAI identifier, or null outside OAI-PMH
 * @param sourceDatestamp  the OAI datestamp, or null
 * @param deleted          an OAI deleted header: the source withdrew the record
 * @param position         where it was read, for messages ("books.mrc, record 17")
 * @param repairs          what the reader had to fix (encoding, invalid characters), for the log
 * @param error            why the record could not be read, or null; such a record is quarantined
 * @param receivedAt       when the hub first received it (a re-crosswalk keeps it); null means now
 */
public record RawRecord(
        RecordFormat format,
        String xml,
        String localId,
        String sourceIdentifier,
        String sourceDatestamp,
        boolean deleted,
        String position,
        List<String> repairs,
        String error,
        Instant receivedAt) {

    public RawRecord {
        repairs = List.copyOf(repairs);
    }

    /** A record received now. */
    public RawRecord(
            RecordFormat format,
            String xml,
            String localId,
            String sourceIdentifier,
            String sourceDatestamp,
            boolean deleted,
            String position,
            List<String> repairs,
            String error) {
        this(format, xml, localId, sourceIdentifier, sourceDatestamp, deleted, position, repairs, error, null);
    }

    /** A deletion of the source's record {@code localId} (a deleted header, a delete list's line). */
    public static RawRecord deletion(String localId, String position) {
        return new RawRecord(null, null, localId, null, null, true, position, List.of(), null);
    }

    /** A record the reader could not make sense of; {@code content} is whatever text it has, or null. */
    public static RawRecord unreadable(String position, String error, String content) {
        return new RawRecord(null, content, null, null, null, false, position, List.of(), error);
    }

    public boolean readable() {
        return error == null;
    }
}
