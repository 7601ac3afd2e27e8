package cn.edu.cashl.hub.merge;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The records of a neighbourhood of the catalogue and which of them describe the same edition:
 * clusters are the connected components of the same-edition relation (single linkage). Only records
 * that share a {@link MatchKeys#lookupKeys() lookup key} are compared, which is complete because the
 * rules never match two records without one.
 */
final class ClusterGraph {

    private final EditionMatcher matcher;
    private final SortedMap<String, MatchKeys> keysById;
    private final Map<String, List<String>> idsByKey = new HashMap<>();
    private final Map<String, String> parent = new HashMap<>();

    ClusterGraph(EditionMatcher matcher, SortedMap<String, MatchKeys> keysById) {
        this.matcher = matcher;
        this.keysById = keysById;
        keysById.forEach((id, keys) -> {
            parent.put(id, id);
            keys.lookupKeys()
                    .forEach(key -> idsByKey.computeIfAbsent(key, k -> new ArrayList<>())
                            .add(id));
        });
        for (List<String> ids : idsByKey.values()) {
            for (int i = 0; i < ids.size(); i++) {
                for (int j = i + 1; j < ids.size(); j++) {
                    String a = ids.get(i);
                    String b = ids.get(j);
                    if (!root(a).equals(root(b)) && matcher.sameEdition(keysById.get(a), keysById.get(b))) {
                        union(a, b);
                    }
                }
            }
        }
    }

    /** The clusters, each sorted by id, in the order of their first ids. */
    List<SortedSet<String>> components() {
        Map<String, SortedSet<String>> byRoot = new TreeMap<>();
        keysById.keySet()
                .forEach(id ->
                        byRoot.computeIfAbsent(root(id), r -> new TreeSet<>()).add(id));
        List<SortedSet<String>> components = new ArrayList<>(byRoot.values());
        components.sort((x, y) -> x.first().compareTo(y.first()));
        return components;
    }

    /** Pairs (id, other id) where the record {@code id} is the other format of the same edition. */
    List<String[]> otherFormatPairs(String id) {
        MatchKeys keys = keysById.get(id);
        List<String[]> pairs = new ArrayList<>();
        for (String key : keys.lookupKeys()) {
            for (String other : idsByKey.getOrDefault(key, List.of())) {
                if (matcher.otherFormat(keys, keysById.get(other))) {
                    pairs.add(new String[] {id, other});
                }
            }
        }
        return pairs;
    }

    private String root(String id) {
        String root = id;
        while (!parent.get(root).equals(root)) {
            root = parent.get(root);
        }
        // Path compression keeps later look-ups short.
        String node = id;
        while (!parent.get(node).equals(root)) {
            String next = parent.get(node);
            parent.put(node, root);
            node = next;
        }
        return root;
    }

    private void union(String a, String b) {
        String ra = root(a);
        String rb = root(b);
        if (ra.compareTo(rb) < 0) {
            parent.put(rb, ra);
        } else {
            parent.put(ra, rb);
        }
    }
}
