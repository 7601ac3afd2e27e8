package cn.edu.cashl.hub.ingest;

import cn.edu.cashl.hub.crosswalk.Crosswalk;
import cn.edu.cashl.hub.crosswalk.CrosswalkException;
import cn.edu.cashl.hub.crosswalk.Crosswalks;
import cn.edu.cashl.hub.ingest.read.RawRecord;
import cn.edu.cashl.hub.ingest.read.RecordFormat;
import cn.edu.cashl.hub.schema.CashlRecords;
import cn.edu.cashl.hub.schema.InvalidRecordException;
import cn.edu.cashl.hub.schema.v1.CashlRecord;
import cn.edu.cashl.hub.source.Source;
import java.time.Instant;

/**
 * The first stage of the pipeline for a readable record: the crosswalk in use for it, and the
 * validation of what it produced against the CASHL schema. The {@link IngestPipeline} runs it on
 * every record; the onboarding check runs it on a sample, so that a source is judged exactly as
 * its records will be.
 */
public final class CrosswalkStep {

    private final Crosswalks crosswalks;

    public CrosswalkStep(Crosswalks crosswalks) {
        this.crosswalks = crosswalks;
    }

    /**
     * The crosswalk the pipeline uses for a record of this source in this format: the one the source
     * names, or the format's default, in the version now in use.
     *
     * @throws IllegalArgumentException when the source names a crosswalk that does not exist
     */
    public Crosswalk crosswalkFor(Source source, RecordFormat format) {
        return crosswalks.get(source.crosswalk() != null ? source.crosswalk() : format.defaultCrosswalk());
    }

    /**
     * What the crosswalk made of one record.
     *
     * @param crosswalk {@code id@version} of the crosswalk that ran
     * @param xml       the valid canonical record; null when {@link #failure} says why there is none
     * @param record    the same, bound
     * @param failure   why the record cannot be a CASHL record (the quarantine reason), or null
     */
    public record Result(String crosswalk, String xml, CashlRecord record, String failure) {

        public boolean ok() {
            return failure == null;
        }
    }

    /**
     * Crosswalks a readable record and validates the result.
     *
     * @param recordId the hub id the record gets ({@link CrosswalkParams#recordId})
     * @param received when the hub first received it
     * @throws IllegalArgumentException when the source names a crosswalk that does not exist
     */
    public Result apply(Source source, String recordId, RawRecord raw, Instant received) {
        Crosswalk crosswalk = crosswalkFor(source, raw.format());
        String ref = crosswalk.ref();
        String crosswalked;
        try {
            crosswalked = crosswalk.transform(raw.xml(), CrosswalkParams.of(source, recordId, raw, received, ref));
        } catch (CrosswalkException e) {
            return new Result(ref, null, null, e.getMessage());
        }
        try {
            return new Result(ref, crosswalked, CashlRecords.get().read(crosswalked), null);
        } catch (InvalidRecordException e) {
            return new Result(ref, null, null, ref + " produced an invalid CASHL record: " + e.getMessage());
        }
    }
}
