package cn.edu.cashl.hub.harvest;

import java.time.Instant;

/**
 * A retirement the {@link DeletionGuard} held back: a full dump that no longer holds more of the
 * source's records than the guard allows. Nothing was deleted and the run ended {@code partial}; a
 * run an admin confirms, or a later dump within the guard, retires the records. One per source,
 * kept until then.
 *
 * @param source        the source
 * @param runId         the run that held them back
 * @param dump          the full dump's file name
 * @param deletions     the source's records the dump no longer holds
 * @param sourceRecords the source's records when the dump began
 * @param heldAt        when
 */
public record HeldDeletions(
        String source, long runId, String dump, long deletions, long sourceRecords, Instant heldAt) {

    /** The share of the source's records the retirement would delete. */
    public double share() {
        return DeletionGuard.share(deletions, sourceRecords);
    }
}
