package cn.edu.cashl.hub.ingest;

import cn.edu.cashl.hub.ingest.read.RawRecord;
import cn.edu.cashl.hub.source.Licence;
import cn.edu.cashl.hub.source.Source;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The parameters every inbound crosswalk receives (docs/crosswalks.md): who sent the record, the id
 * it gets, when it arrived, and what provenance should say; for a KBART source, the package and the
 * terms of its licence (empty for other sources).
 */
public final class CrosswalkParams {

    private CrosswalkParams() {}

    public static Map<String, String> of(
            Source source, String recordId, RawRecord raw, Instant received, String crosswalkRef) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("source", source.id());
        params.put("record-id", recordId);
        params.put("harvested-at", received.truncatedTo(ChronoUnit.SECONDS).toString());
        params.put("crosswalk", crosswalkRef);
        params.put("source-identifier", raw.sourceIdentifier() == null ? "" : raw.sourceIdentifier());
        params.put("source-datestamp", raw.sourceDatestamp() == null ? "" : raw.sourceDatestamp());
        params.put("holdings-field", source.holdingsField() == null ? "" : source.holdingsField());
        Licence licence = source.licence();
        params.put("package", licence == null || licence.packageName() == null ? "" : licence.packageName());
        params.put("libraries", licence == null ? "" : String.join(" ", licence.holdingLibraries()));
        params.put("access", licence == null ? "" : licence.openAccess() ? "openAccess" : "licensed");
        params.put(
                "ill-electronic",
                licence == null || licence.illElectronic() == null
                        ? ""
                        : licence.illElectronic().toString());
        return params;
    }

    /** The hub id of a raw record from a source, built from its {@link #localId}. */
    public static String recordId(Source source, RawRecord raw) {
        return RecordIds.sourceRecordId(source.id(), localId(raw));
    }

    /** The record's own id at its source, or a digest of its content when it has none. */
    public static String localId(RawRecord raw) {
        return raw.localId() != null
                ? raw.localId()
                : RecordIds.contentId(raw.xml() != null ? raw.xml() : raw.position());
    }
}
