package cn.edu.cashl.hub.merge;

import cn.edu.cashl.hub.catalog.StoredRecord;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;

/**
 * The clusters of a neighbourhood, each under its master id, and what becomes of the old master ids,
 * by the rules of docs/deduplication.md ("Stable master ids"): an old master record keeps its id in
 * the cluster that holds most of its members; a cluster without one takes the id of its first
 * member, or {@code -m2}, {@code -m3}... after it when that is taken; an old id no cluster keeps is
 * retired, and names as successor the cluster most of its members went to.
 */
final class Clusters {

    private final List<SortedSet<String>> members;
    private final String[] ids;
    private final Map<String, Integer> indexOfMember = new HashMap<>();
    private final Map<String, Integer> indexOfId = new HashMap<>();
    private final SortedMap<String, String> retired = new TreeMap<>();
    /** A HashMap, as null values ("gone without a successor") must be kept apart from absent keys. */
    private final Map<String, String> finalIds = new HashMap<>();

    private Clusters(List<SortedSet<String>> members, String[] ids, Set<String> oldIds, MasterReads masters) {
        this.members = members;
        this.ids = ids;
        for (int c = 0; c < members.size(); c++) {
            for (String member : members.get(c)) {
                indexOfMember.put(member, c);
            }
            indexOfId.put(ids[c], c);
        }
        Set<String> kept = new HashSet<>(List.of(ids));
        for (String old : oldIds) {
            if (kept.contains(old)) {
                finalIds.put(old, old);
                continue;
            }
            String successor = successor(MasterDocs.members(masters.get(old)).keySet());
            retired.put(old, successor);
            finalIds.put(old, successor);
        }
    }

    /**
     * Gives each cluster its master id.
     *
     * @param components    the clusters, each sorted, in the order of their first ids
     * @param formerMasters the master record each member was in, if any
     * @param oldIds        the live master records of the neighbourhood, read into {@code masters}
     */
    static Clusters assign(
            List<SortedSet<String>> components,
            Map<String, String> formerMasters,
            Set<String> oldIds,
            MasterReads masters) {
        return new Clusters(components, assignIds(components, formerMasters, oldIds, masters), oldIds, masters);
    }

    int size() {
        return members.size();
    }

    SortedSet<String> members(int cluster) {
        return members.get(cluster);
    }

    String id(int cluster) {
        return ids[cluster];
    }

    /** The cluster of a record of the neighbourhood. */
    int indexOf(String member) {
        return indexOfMember.get(member);
    }

    /** The master id of a record of the neighbourhood. */
    String idOf(String member) {
        return ids[indexOf(member)];
    }

    /** The cluster that takes this master id, or null when none does. */
    Integer indexOfId(String id) {
        return indexOfId.get(id);
    }

    /** The old master ids no cluster keeps, sorted, each with its successor (null: none). */
    SortedMap<String, String> retired() {
        return Collections.unmodifiableSortedMap(retired);
    }

    /**
     * Every old master id of the neighbourhood with the id its members now have: its own when kept,
     * its successor's when retired, null when it is gone without one.
     */
    Map<String, String> finalIds() {
        return Collections.unmodifiableMap(finalIds);
    }

    /** Where most of these former members went, ties to the smallest id; none left: null. */
    private String successor(Collection<String> formerMembers) {
        Map<String, Integer> votes = new TreeMap<>();
        formerMembers.stream()
                .filter(indexOfMember::containsKey)
                .forEach(member -> votes.merge(idOf(member), 1, Integer::sum));
        return votes.entrySet().stream()
                .max(Map.Entry.<String, Integer>comparingByValue()
                        .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                .map(Map.Entry::getKey)
                .orElse(null);
    }

    /**
     * A master id per cluster: greedily, the old master record with the largest share of a cluster
     * keeps its id there; a cluster without one gets the id of its first member if that id is free.
     */
    private static String[] assignIds(
            List<SortedSet<String>> clusters,
            Map<String, String> formerMasters,
            Set<String> oldIds,
            MasterReads masters) {
        record Share(int cluster, String master, int members) {}
        List<Share> shares = new ArrayList<>();
        for (int c = 0; c < clusters.size(); c++) {
            Map<String, Integer> counts = new TreeMap<>();
            clusters.get(c).stream()
                    .map(formerMasters::get)
                    .filter(Objects::nonNull)
                    .forEach(m -> counts.merge(m, 1, Integer::sum));
            int cluster = c;
            counts.forEach((master, count) -> shares.add(new Share(cluster, master, count)));
        }
        shares.sort(Comparator.comparingInt((Share s) -> -s.members())
                .thenComparing(Share::master)
                .thenComparingInt(Share::cluster));
        String[] ids = new String[clusters.size()];
        Set<String> taken = new HashSet<>();
        for (Share share : shares) {
            if (ids[share.cluster()] == null && taken.add(share.master())) {
                ids[share.cluster()] = share.master();
            }
        }
        taken.addAll(oldIds);
        List<String> bases = new ArrayList<>();
        for (int c = 0; c < clusters.size(); c++) {
            if (ids[c] == null) {
                bases.add(clusters.get(c).first());
            }
        }
        masters.load(bases); // one read for the ids new master records would take
        for (int c = 0; c < clusters.size(); c++) {
            if (ids[c] == null) {
                ids[c] = newId(clusters.get(c).first(), taken, masters);
                taken.add(ids[c]);
            }
        }
        return ids;
    }

    /** The base id if no record has it (or only a deleted one nothing replaced), else base-m2, base-m3... */
    private static String newId(String base, Set<String> taken, MasterReads masters) {
        for (int n = 1; ; n++) {
            String candidate = n == 1 ? base : base + "-m" + n;
            masters.load(List.of(candidate));
            StoredRecord existing = masters.get(candidate);
            boolean free = existing == null || existing.deleted() && existing.field(CatalogFields.REPLACED_BY) == null;
            if (free && !taken.contains(candidate)) {
                return candidate;
            }
        }
    }
}
