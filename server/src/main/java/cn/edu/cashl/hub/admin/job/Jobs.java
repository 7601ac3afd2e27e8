package cn.edu.cashl.hub.admin.job;

import cn.edu.cashl.hub.db.Jdbc;
import cn.edu.cashl.hub.harvest.HarvestStore;
import cn.edu.cashl.hub.harvest.RunOutcome;
import cn.edu.cashl.hub.harvest.RunRecord;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The admin's jobs, in the operational database. A job's state is read from the runs of its sources
 * that started after it (trigger {@code recrosswalk} or {@code retry}): nothing to keep up to date,
 * and any node of a cluster reports the same progress.
 */
public final class Jobs {

    private static final String COLUMNS = "job_id, kind, crosswalk_id, version, sources, started_by, started_at, total";
    /** Runs of a source looked at when matching a job: a job's run is among the source's last few. */
    private static final int RUNS_LOOKED_AT = 20;

    private final Jdbc jdbc;
    private final HarvestStore harvests;
    private final Clock clock;

    public Jobs(Jdbc jdbc, HarvestStore harvests, Clock clock) {
        this.jdbc = jdbc;
        this.harvests = harvests;
        this.clock = clock;
    }

    /** Records a job before its runs are triggered, so that none of them can start before it. */
    public Job create(String kind, String crosswalk, Integer version, List<String> sources, String user, long total) {
        Instant now = clock.instant();
        long id = jdbc.insert(
                "INSERT INTO admin_job (kind, crosswalk_id, version, sources, started_by, started_at, total) VALUES (?, ?, ?, ?, ?, ?, ?)",
                kind,
                crosswalk,
                version,
                String.join(",", sources),
                user,
                now.toEpochMilli(),
                total);
        return new Job(id, kind, crosswalk, version, sources, user, now, total);
    }

    public Optional<Job> get(long id) {
        return jdbc.first("SELECT " + COLUMNS + " FROM admin_job WHERE job_id = ?", Jobs::toJob, id);
    }

    /** The newest jobs first. */
    public List<Job> recent(int limit) {
        return jdbc.query(
                "SELECT " + COLUMNS + " FROM admin_job ORDER BY job_id DESC FETCH FIRST " + Math.max(1, limit)
                        + " ROWS ONLY",
                Jobs::toJob);
    }

    /** Where a job is: per source, the run doing its work (null while it waits in the queue). */
    public record Progress(
            Job job, String state, long processed, Map<String, Long> counts, Map<String, RunRecord> runs) {}

    public Progress progress(Job job) {
        Map<String, RunRecord> runs = new LinkedHashMap<>();
        long processed = 0;
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("accepted", 0L);
        counts.put("filtered", 0L);
        counts.put("quarantined", 0L);
        int started = 0;
        int finished = 0;
        boolean anyFailed = false;
        for (String source : job.sources()) {
            RunRecord run = runOf(job, source);
            runs.put(source, run);
            if (run == null) {
                continue;
            }
            started++;
            processed += run.counts().records();
            counts.merge("accepted", run.counts().accepted, Long::sum);
            counts.merge("filtered", run.counts().filtered, Long::sum);
            counts.merge("quarantined", run.counts().quarantined, Long::sum);
            if (run.outcome() != RunOutcome.RUNNING) {
                finished++;
                anyFailed |= run.outcome() != RunOutcome.COMPLETE;
            }
        }
        // Queued until its first run starts, running until its last one ends.
        String state = started == 0 && !job.sources().isEmpty()
                ? "queued"
                : finished < job.sources().size() ? "running" : anyFailed ? "failed" : "complete";
        return new Progress(job, state, processed, counts, runs);
    }

    /** The earliest run of the job's kind that started on the source after the job did. */
    private RunRecord runOf(Job job, String source) {
        String trigger = job.kind();
        RunRecord match = null;
        for (RunRecord run : harvests.lastRuns(source, RUNS_LOOKED_AT)) {
            if (trigger.equals(run.trigger()) && !run.startedAt().isBefore(job.startedAt())) {
                match = run; // newest first: the last match is the earliest
            }
        }
        return match;
    }

    private static Job toJob(ResultSet rs) throws SQLException {
        String sources = rs.getString(5);
        int version = rs.getInt(4);
        Integer boxed = rs.wasNull() ? null : version;
        return new Job(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                boxed,
                sources.isEmpty() ? List.of() : new ArrayList<>(Arrays.asList(sources.split(","))),
                rs.getString(6),
                Instant.ofEpochMilli(rs.getLong(7)),
                rs.getLong(8));
    }
}
