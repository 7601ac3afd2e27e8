package cn.edu.cashl.hub.sru;

import cn.edu.cashl.hub.catalog.CatalogSearch.SortKey;
import cn.edu.cashl.hub.sru.query.SolrQueryText;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The result sets of recent searches. A result set is named after its query and sort (the same
 * search gets the same set), lives for its time to live after its last use, and remembers the
 * Solr cursor of every position a page started or ended at: paging on, or jumping deep, starts
 * from the nearest remembered cursor instead of counting from the first record.
 */
final class ResultSets {

    private static final int MAX_SETS = 10_000;

    /** One result set: what it searches, and the cursors of positions reached (0-based offsets). */
    static final class ResultSet {
        final String id;
        final SolrQueryText query;
        final List<SortKey> sort;
        final TreeMap<Long, String> cursors = new TreeMap<>();
        volatile Instant expires;

        ResultSet(String id, SolrQueryText query, List<SortKey> sort) {
            this.id = id;
            this.query = query;
            this.sort = sort;
            cursors.put(0L, cn.edu.cashl.hub.catalog.CatalogStore.FIRST_PAGE);
        }

        synchronized Map.Entry<Long, String> nearest(long offset) {
            return cursors.floorEntry(offset);
        }

        synchronized void remember(long offset, String cursor) {
            if (cursor != null && cursors.size() < 100_000) {
                cursors.put(offset, cursor);
            }
        }
    }

    private final Clock clock;
    private final Map<String, ResultSet> sets = new LinkedHashMap<>(256, 0.75f, true);
    /** When expired sets were last dropped: a sweep walks every set, so it runs once a second at most. */
    private Instant swept = Instant.EPOCH;

    ResultSets(Clock clock) {
        this.clock = clock;
    }

    /** The result set of a search, new or still alive, its life extended by ttl. */
    synchronized ResultSet open(SolrQueryText query, List<SortKey> sort, long ttlSeconds) {
        expire();
        String id = id(query, sort);
        ResultSet set = sets.computeIfAbsent(id, key -> new ResultSet(key, query, sort));
        set.expires = clock.instant().plusSeconds(ttlSeconds);
        return set;
    }

    /** A live result set by id, or null. */
    synchronized ResultSet find(String id) {
        expire();
        ResultSet set = sets.get(id);
        // Between sweeps an expired set may still be held: it is gone all the same.
        return set == null || set.expires.isBefore(clock.instant()) ? null : set;
    }

    private void expire() {
        Instant now = clock.instant();
        if (now.isBefore(swept.plusSeconds(1)) && sets.size() <= MAX_SETS) {
            return;
        }
        swept = now;
        sets.values().removeIf(set -> set.expires.isBefore(now));
        while (sets.size() > MAX_SETS) {
            sets.remove(sets.keySet().iterator().next());
        }
    }

    private static String id(SolrQueryText query, List<SortKey> sort) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(query.query().getBytes(StandardCharsets.UTF_8));
            new TreeMap<>(query.params())
                    .forEach((k, v) -> digest.update((k + "=" + v + "\n").getBytes(StandardCharsets.UTF_8)));
            digest.update(sort.toString().getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(digest.digest())
                    .substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
