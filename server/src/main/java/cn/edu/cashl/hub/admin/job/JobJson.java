package cn.edu.cashl.hub.admin.job;

import cn.edu.cashl.hub.harvest.RunRecord;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A job and where it is, as the API shows it.
 *
 * @param endedAt when its last run ended; null while it is queued or running
 * @param runs    per source, the run doing its work
 */
public record JobJson(
        long id,
        String kind,
        String crosswalk,
        Integer version,
        String state,
        String startedBy,
        String startedAt,
        String endedAt,
        long total,
        long processed,
        Map<String, Long> counts,
        List<Run> runs) {

    /**
     * One source's part of a job.
     *
     * @param run     the run's id; null while the source waits in the queue
     * @param outcome the run's outcome, or {@code queued}
     */
    public record Run(
            String source,
            Long run,
            String outcome,
            @JsonInclude(JsonInclude.Include.NON_NULL) String reason) {}

    public static JobJson of(Jobs.Progress progress) {
        Job job = progress.job();
        List<Run> runs = new ArrayList<>();
        progress.runs()
                .forEach((source, run) -> runs.add(
                        run == null
                                ? new Run(source, null, "queued", null)
                                : new Run(source, run.id(), run.outcome().value(), run.reason())));
        return new JobJson(
                job.id(),
                job.kind(),
                job.crosswalk(),
                job.version(),
                progress.state(),
                job.startedBy(),
                job.startedAt().toString(),
                endedAt(progress),
                job.total(),
                progress.processed(),
                progress.counts(),
                runs);
    }

    private static String endedAt(Jobs.Progress progress) {
        if (progress.state().equals("running") || progress.state().equals("queued")) {
            return null;
        }
        return progress.runs().values().stream()
                .filter(r -> r != null && r.endedAt() != null)
                .map(RunRecord::endedAt)
                .max(Comparator.naturalOrder())
                .map(Object::toString)
                .orElse(progress.job().startedAt().toString());
    }
}
