package cn.edu.cashl.hub.harvest.oai;

import java.util.List;

/**
 * What a repository says about itself, and what the harvester takes from it rather than assumes.
 *
 * @param repositoryName    its name
 * @param baseUrl           the base URL it declares
 * @param granularity       of its datestamps, and so of {@code from} and {@code until}
 * @param earliestDatestamp as declared (may be null)
 * @param deletedRecord     {@code no}, {@code transient} or {@code persistent}
 * @param compression       encodings it offers ({@code gzip}, {@code deflate})
 * @param responseDate      when it answered
 * @param protocolVersion   the OAI-PMH version it declares ({@code 2.0}); null when it declares none
 * @param granularityDeclared the granularity exactly as declared (null when absent), where
 *                          {@link #granularity} falls back to days for anything unknown
 */
public record Identify(
        String repositoryName,
        String baseUrl,
        Granularity granularity,
        String earliestDatestamp,
        String deletedRecord,
        List<String> compression,
        String responseDate,
        String protocolVersion,
        String granularityDeclared) {

    public Identify {
        compression = List.copyOf(compression);
    }

    public Identify(
            String repositoryName,
            String baseUrl,
            Granularity granularity,
            String earliestDatestamp,
            String deletedRecord,
            List<String> compression,
            String responseDate) {
        this(
                repositoryName,
                baseUrl,
                granularity,
                earliestDatestamp,
                deletedRecord,
                compression,
                responseDate,
                null,
                granularity == null ? null : granularity.declaration());
    }

    /** Whether deletions can be learnt from incremental harvests at all. */
    public boolean tracksDeletions() {
        return "persistent".equals(deletedRecord) || "transient".equals(deletedRecord);
    }
}
