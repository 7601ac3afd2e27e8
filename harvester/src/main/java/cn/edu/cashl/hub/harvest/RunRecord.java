package cn.edu.cashl.hub.harvest;

import java.time.Instant;

/**
 * One run of a source as recorded in the database: a harvest, or a re-crosswalk or retry of its
 * stored records ({@link RunMode#of(RunRecord)}).
 *
 * @param id              run number
 * @param source          source id
 * @param full            a full harvest (no watermark), asked for or the first one
 * @param trigger         what started a harvest: {@code schedule}, {@code manual}, {@code startup}, {@code cli}...;
 *                        for a re-crosswalk or retry of stored records, its {@link RunMode}: {@code recrosswalk},
 *                        {@code retry}
 * @param startedAt       when it started
 * @param endedAt         when it ended; null while running
 * @param outcome         running, complete, partial or failed
 * @param reason          why partial or failed; null otherwise
 * @param counts          what it did
 * @param watermarkBefore the watermark it harvested from (null for a full harvest)
 * @param watermarkAfter  the watermark a complete run set; null otherwise
 * @param responseDate    the responseDate of its first request: the next watermark if it completes
 * @param checkpoint      where an interrupted run resumes
 */
public record RunRecord(
        long id,
        String source,
        boolean full,
        String trigger,
        Instant startedAt,
        Instant endedAt,
        RunOutcome outcome,
        String reason,
        RunCounts counts,
        String watermarkBefore,
        String watermarkAfter,
        String responseDate,
        String checkpoint) {}
