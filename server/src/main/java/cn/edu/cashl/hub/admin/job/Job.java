package cn.edu.cashl.hub.admin.job;

import java.time.Instant;
import java.util.List;

/**
 * Background work the admin started: a re-crosswalk after a publication, or a retry of quarantined
 * records. The work itself is done as runs of the sources (recorded in the harvest tables, never two
 * at once for one source); a job is the list of runs it waits for, and its progress is theirs.
 *
 * @param kind      {@code recrosswalk} or {@code retry}
 * @param crosswalk the crosswalk published (re-crosswalk only)
 * @param version   its version (re-crosswalk only)
 * @param sources   the sources whose records are processed
 * @param total     how many stored records the sources had when the job started
 */
public record Job(
        long id,
        String kind,
        String crosswalk,
        Integer version,
        List<String> sources,
        String startedBy,
        Instant startedAt,
        long total) {

    public static final String RECROSSWALK = "recrosswalk";
    public static final String RETRY = "retry";
}
