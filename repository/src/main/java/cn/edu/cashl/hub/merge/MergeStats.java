package cn.edu.cashl.hub.merge;

/** Counts of what the union catalogue did, for logs and tests. */
public final class MergeStats {

    /** Master records written for the first time (or revived from a deleted record). */
    public long created;
    /** Master records whose content changed. */
    public long updated;
    /** Master records that became deleted records: merged into another, or left without members. */
    public long retired;
    /** Source records that arrived unchanged (same content and status) and changed nothing. */
    public long unchangedSources;
    /** Source records stored for the first time (or again after a deletion). */
    public long sourcesAdded;
    /** Source records stored before whose content or status changed. */
    public long sourcesChanged;
    /** Source records removed because their source deleted them. */
    public long sourcesDeleted;
    /** Batches redone because another writer changed one of their master records meanwhile. */
    public long conflicts;
    /** Article master records written again to name the journal that arrived after them. */
    public long linkedArticles;

    MergeStats copy() {
        MergeStats copy = new MergeStats();
        copy.created = created;
        copy.updated = updated;
        copy.retired = retired;
        copy.unchangedSources = unchangedSources;
        copy.conflicts = conflicts;
        copy.sourcesAdded = sourcesAdded;
        copy.sourcesChanged = sourcesChanged;
        copy.sourcesDeleted = sourcesDeleted;
        copy.linkedArticles = linkedArticles;
        return copy;
    }

    @Override
    public String toString() {
        return "created " + created + ", updated " + updated + ", retired " + retired + ", unchanged sources "
                + unchangedSources + ", conflicting batches " + conflicts;
    }
}
