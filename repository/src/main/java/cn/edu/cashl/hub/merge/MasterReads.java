package cn.edu.cashl.hub.merge;

import cn.edu.cashl.hub.catalog.CatalogStore;
import cn.edu.cashl.hub.catalog.Projection;
import cn.edu.cashl.hub.catalog.StoreCollection;
import cn.edu.cashl.hub.catalog.StoredRecord;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The master records one attempt of {@link UnionCatalog} read, fresh from the store (uncommitted
 * writes included). Every id is read at most once per attempt, so that the clusters, the ids and
 * the conditional writes of an attempt all rest on the same versions.
 */
final class MasterReads {

    /** A replaced-by chain longer than this is a loop or corruption: followed no further. */
    private static final int MAX_HOPS = 20;

    private final CatalogStore store;
    private final Map<String, StoredRecord> loaded = new HashMap<>();
    private final Set<String> absent = new HashSet<>();

    MasterReads(CatalogStore store) {
        this.store = store;
    }

    /** Reads those of these master records not read yet, and the successors of deleted ones. */
    void load(Collection<String> ids) {
        Set<String> missing = new TreeSet<>();
        ids.stream()
                .filter(id -> !loaded.containsKey(id) && !absent.contains(id))
                .forEach(missing::add);
        for (int hop = 0; !missing.isEmpty() && hop < MAX_HOPS; hop++) {
            Map<String, StoredRecord> found = store.get(StoreCollection.CATALOG, missing, Projection.FIELDS);
            loaded.putAll(found);
            missing.stream().filter(id -> !found.containsKey(id)).forEach(absent::add);
            Set<String> next = new TreeSet<>();
            for (StoredRecord record : found.values()) {
                String successor = record.deleted() ? record.field(CatalogFields.REPLACED_BY) : null;
                if (successor != null && !loaded.containsKey(successor) && !absent.contains(successor)) {
                    next.add(successor);
                }
            }
            missing = next;
        }
    }

    /** The master record as read, deleted or not; null when it was not read or does not exist. */
    StoredRecord get(String id) {
        return loaded.get(id);
    }

    /** Reads the XML of those of these master records that exist: only changed ones need it. */
    void loadXml(Collection<String> ids) {
        List<String> existing = ids.stream().filter(loaded::containsKey).toList();
        if (!existing.isEmpty()) {
            // Only the version the clusters were computed from may be written over: a record
            // that changed since keeps its first reading, and its write will fail and be redone.
            store.get(StoreCollection.CATALOG, existing, Projection.CANONICAL).forEach((id, fresh) -> {
                if (fresh.version() == loaded.get(id).version()) {
                    loaded.put(id, fresh);
                }
            });
        }
    }

    /**
     * Where a link to a master record points after this attempt: to itself or its successor if it
     * was part of the neighbourhood ({@link Clusters#finalIds()}), unchanged if it was not read,
     * nowhere if it is gone.
     */
    Optional<String> follow(String target, Map<String, String> finalId) {
        if (finalId.containsKey(target)) {
            return Optional.ofNullable(finalId.get(target));
        }
        if (absent.contains(target)) {
            return Optional.empty();
        }
        if (!loaded.containsKey(target)) {
            return Optional.of(target);
        }
        return live(target).map(m -> finalId.getOrDefault(m.id(), m.id()));
    }

    /** The live master record an id leads to, following the replaced-by chain of deleted ones. */
    Optional<StoredRecord> live(String id) {
        StoredRecord record = loaded.get(id);
        for (int hop = 0; record != null && record.deleted() && hop < MAX_HOPS; hop++) {
            String successor = record.field(CatalogFields.REPLACED_BY);
            record = successor == null ? null : loaded.get(successor);
        }
        return Optional.ofNullable(record).filter(r -> !r.deleted());
    }
}
