package cn.edu.cashl.hub.admin.source;

import cn.edu.cashl.hub.source.LibraryTier;
import cn.edu.cashl.hub.source.SourceType;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;
import java.util.Map;

/**
 * A source as the sources dashboard shows it: its definition, where the scheduler has it, its state in
 * a word ({@code running}, {@code disabled}, {@code paused}, {@code never}, {@code ok} or the last
 * run's outcome), its stored records by status and its last runs, newest first; a KBART source's
 * licence (package, libraries, openAccess, illElectronic, proxy), a member's lending (tier,
 * illBaseUrl), the journal list that scopes its articles (journals) and a Crossref source's contact
 * address (mailto) as sources.yaml names them, left out when not set.
 */
public record SourceJson(
        String id,
        SourceType type,
        String name,
        String nameZh,
        String url,
        String metadataPrefix,
        String format,
        List<String> sets,
        String crosswalk,
        String holdingsField,
        boolean enabled,
        String schedule,
        @JsonUnwrapped NextRun next,
        boolean paused,
        boolean running,
        String watermark,
        String state,
        RecordCounts records,
        List<RunJson> lastRuns,

        @JsonProperty("package") @JsonInclude(JsonInclude.Include.NON_NULL)
        String packageName,

        @JsonInclude(JsonInclude.Include.NON_NULL) List<String> libraries,
        @JsonInclude(JsonInclude.Include.NON_NULL) Boolean openAccess,
        @JsonInclude(JsonInclude.Include.NON_NULL) Boolean illElectronic,
        @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, String> proxy,
        @JsonInclude(JsonInclude.Include.NON_NULL) LibraryTier tier,
        @JsonInclude(JsonInclude.Include.NON_NULL) String illBaseUrl,
        @JsonInclude(JsonInclude.Include.NON_NULL) String journals,
        @JsonInclude(JsonInclude.Include.NON_NULL) String mailto) {

    /**
     * When the scheduler runs the source next: null while it is paused or unscheduled. A hub that does
     * not harvest has no scheduler to ask, and leaves the field out (no NextRun at all) rather than
     * claiming the source never runs.
     */
    public record NextRun(String nextRun) {}

    /** How many of the source's stored records have each status. */
    public record RecordCounts(long accepted, long filtered, long quarantined) {}
}
