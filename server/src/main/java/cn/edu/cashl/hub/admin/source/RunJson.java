package cn.edu.cashl.hub.admin.source;

import cn.edu.cashl.hub.harvest.HeldDeletions;
import cn.edu.cashl.hub.harvest.RunRecord;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A harvest run (or re-crosswalk, or retry) as the admin API shows it.
 *
 * @param reason        why it was partial or failed; left out otherwise
 * @param endedAt       null while it runs
 * @param heldDeletions on the run whose full dump's deletions the guard holds back, waiting for a
 *                      confirmation; left out otherwise
 */
public record RunJson(
        long id,
        String source,
        String outcome,
        @JsonInclude(JsonInclude.Include.NON_NULL) String reason,
        boolean full,
        String trigger,
        String startedAt,
        String endedAt,
        Map<String, Long> counts,
        String watermarkBefore,
        String watermarkAfter,
        @JsonInclude(JsonInclude.Include.NON_NULL) HeldDeletionsJson heldDeletions) {

    /**
     * Runs of one source.
     *
     * @param held the deletions the guard holds back for the source, if any
     */
    static List<RunJson> of(List<RunRecord> runs, Optional<HeldDeletions> held) {
        return runs.stream().map(run -> of(run, held)).toList();
    }

    /** @param held the deletions the guard holds back for the run's source, if any */
    static RunJson of(RunRecord run, Optional<HeldDeletions> held) {
        return new RunJson(
                run.id(),
                run.source(),
                run.outcome().value(),
                run.reason(),
                run.full(),
                run.trigger(),
                run.startedAt().toString(),
                run.endedAt() == null ? null : run.endedAt().toString(),
                run.counts().asMap(),
                run.watermarkBefore(),
                run.watermarkAfter(),
                held.filter(h -> h.runId() == run.id())
                        .map(HeldDeletionsJson::of)
                        .orElse(null));
    }
}
