package cn.edu.cashl.hub.admin.source;

import cn.edu.cashl.hub.harvest.RunRecord;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * A harvest run (or re-crosswalk, or retry) as the admin API shows it.
 *
 * @param reason  why it was partial or failed; left out otherwise
 * @param endedAt null while it runs
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
        String watermarkAfter) {

    static RunJson of(RunRecord run) {
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
                run.watermarkAfter());
    }
}
