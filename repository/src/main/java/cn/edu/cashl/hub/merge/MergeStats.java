package cn.edu.cashl.hub.merge;

/** Counts of what the union catalogue did, for logs and tests. */
public final class MergeStats {

    /** Master records written for the first time (or revived from a deleted record). */
    public long created;
    /** Master records whose content changed. */
    public long updated;
    /** Master records that became deleted records: merged into another, or left without members. */
    public long retired;
    /** Accepted source records that arrived unchanged and changed nothing. */
    public long unchangedSources;
    /** Batches redone because another writer changed one of their master records meanwhile. */
    public long conflicts;

    MergeStats copy() {
        MergeStats copy = new MergeStats();
        copy.created = created;
        copy.updated = updated;
        copy.retired = retired;
        copy.unchangedSources = unchangedSources;
        copy.conflicts = conflicts;
        return copy;
    }

    @Override
    public String toString() {
        return "created " + created + ", updated " + updated + ", retired " + retired + ", unchanged sources "
                + unchangedSources + ", conflicting batches " + conflicts;
    }
}
