package cn.edu.cashl.hub.harvest;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How much of a source's records one full CALIS dump may retire without an admin's confirmation
 * ({@code harvest.maxDumpDeletionShare}). A dump that lost records on the way (an export job that
 * stopped half-way, a file cut at a record boundary) looks just like a source that withdrew them;
 * past this share the hub assumes the former, deletes nothing and waits for a person.
 *
 * @param maxShare the largest share, 0 to 1, retired unconfirmed
 */
public record DeletionGuard(double maxShare) {

    public DeletionGuard {
        if (!(maxShare >= 0 && maxShare <= 1)) {
            throw new IllegalArgumentException("the share of deletions must be between 0 and 1, not " + maxShare);
        }
    }

    /** Whether retiring {@code deletions} of a source's {@code records} needs a confirmation. */
    public boolean holds(long deletions, long records) {
        return share(deletions, records) > maxShare;
    }

    /** The share of a source's records that {@code deletions} are. */
    public static double share(long deletions, long records) {
        if (deletions == 0) {
            return 0;
        }
        return records <= deletions ? 1 : (double) deletions / records;
    }

    /** A share as people read it: {@code 7.5 %}, {@code 10 %}. */
    public static String percent(double share) {
        return BigDecimal.valueOf(share * 100)
                        .setScale(1, RoundingMode.HALF_UP)
                        .stripTrailingZeros()
                        .toPlainString()
                + " %";
    }

    @Override
    public String toString() {
        return percent(maxShare) + " guard";
    }
}
