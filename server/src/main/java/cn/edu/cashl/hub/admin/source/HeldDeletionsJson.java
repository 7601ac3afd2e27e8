package cn.edu.cashl.hub.admin.source;

import cn.edu.cashl.hub.harvest.HeldDeletions;

/**
 * The deletions a full dump would make that the guard held back, on the run that held them, until
 * a harvest with {@code confirmDeletions} (or a later dump within the guard) retires the records.
 *
 * @param dump          the full dump's file name
 * @param deletions     the source's records it no longer holds
 * @param sourceRecords the source's records when the dump began
 * @param share         deletions / sourceRecords, 0 to 1
 * @param heldAt        when the guard held them back
 */
public record HeldDeletionsJson(String dump, long deletions, long sourceRecords, double share, String heldAt) {

    static HeldDeletionsJson of(HeldDeletions held) {
        return new HeldDeletionsJson(
                held.dump(),
                held.deletions(),
                held.sourceRecords(),
                held.share(),
                held.heldAt().toString());
    }
}
