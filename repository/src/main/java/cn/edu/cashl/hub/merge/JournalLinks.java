package cn.edu.cashl.hub.merge;

import cn.edu.cashl.hub.catalog.CatalogStore;
import cn.edu.cashl.hub.catalog.Hosts;
import cn.edu.cashl.hub.catalog.Projection;
import cn.edu.cashl.hub.catalog.SearchFields;
import cn.edu.cashl.hub.catalog.StandardNumbers;
import cn.edu.cashl.hub.catalog.StoreCollection;
import cn.edu.cashl.hub.catalog.StoredRecord;
import cn.edu.cashl.hub.schema.v1.CashlRecord;
import cn.edu.cashl.hub.schema.v1.Host;
import cn.edu.cashl.hub.schema.v1.RecordType;
import cn.edu.cashl.hub.schema.v1.StandardNumber;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Links articles to their journals (docs/articles.md): the master record of an article names, in
 * {@code isPartOf/@record}, the master record of the journal it appeared in, found by the journal's
 * ISSN-L, print or online ISSN (in that order), then, for an article that gives no ISSN, by the
 * journal's title. Journal master records carry these as match keys ({@code issn:}, {@code serial:}),
 * so a lookup is one search of keys the catalogue keeps anyway.
 *
 * <p>Both arrival orders end linked: an article merged after its journal finds it here; a journal
 * merged after its articles finds them by their host ISSNs ({@link #articlesOf}) and the union
 * catalogue links them then.
 */
final class JournalLinks {

    private static final int MAX_JOURNALS = 20;

    private final CatalogStore store;
    /** This writer's master records that searches cannot see yet, by match key. */
    private final Function<String, Set<String>> recentByKey;
    /**
     * Host keys to the journal found for them (empty: none), until {@link #forget}: the union
     * catalogue forgets when it writes a journal and when other writers' journals may have become
     * visible (a refresh), so that daily article feeds ask once per journal, not once per article.
     */
    private final Map<List<String>, Optional<String>> found = new ConcurrentHashMap<>();

    JournalLinks(CatalogStore store, Function<String, Set<String>> recentByKey) {
        this.store = store;
        this.recentByKey = recentByKey;
    }

    /**
     * The master id of the journal of an article's host, or null when the catalogue does not hold
     * it. Thread-safe: master records are merged on every core.
     */
    String journalOf(Host host) {
        if (host == null) {
            return null;
        }
        List<String> keys = lookupKeys(host);
        if (keys.isEmpty()) {
            return null;
        }
        return found.computeIfAbsent(keys, this::find).orElse(null);
    }

    private Optional<String> find(List<String> keys) {
        // Key by key, best first: the ISSN-L, then print, then online ISSN, then the title.
        for (String key : keys) {
            Set<String> ids = new TreeSet<>(
                    store.findIds(StoreCollection.CATALOG, CatalogFields.MATCH_KEY, List.of(key), MAX_JOURNALS));
            ids.addAll(recentByKey.apply(key));
            if (ids.isEmpty()) {
                continue;
            }
            Map<String, StoredRecord> masters = store.get(StoreCollection.CATALOG, ids, Projection.FIELDS);
            // A print journal before its electronic record, then the lowest id: the same answer every time.
            Optional<StoredRecord> journal = masters.values().stream()
                    .filter(m -> !m.deleted())
                    .filter(m -> m.sets().contains("type:" + RecordType.JOURNAL.value())
                            || m.sets().contains("type:" + RecordType.EJOURNAL.value()))
                    .min((a, b) -> {
                        boolean aPrint = a.sets().contains("type:" + RecordType.JOURNAL.value());
                        boolean bPrint = b.sets().contains("type:" + RecordType.JOURNAL.value());
                        return aPrint != bPrint ? (aPrint ? -1 : 1) : a.id().compareTo(b.id());
                    });
            if (journal.isPresent()) {
                return journal.map(StoredRecord::id);
            }
        }
        return Optional.empty();
    }

    /**
     * The match keys a journal of this host carries, best first: {@code issn:} for the ISSN-L, the
     * print and the online ISSN; the journal's {@code serial:} title only when the host gives no
     * valid ISSN, since a title ("Bulletin", "Review") names many journals.
     */
    static List<String> lookupKeys(Host host) {
        List<String> keys = new ArrayList<>();
        for (String value : Hosts.issns(host)) {
            String issn = StandardNumbers.issn(value);
            if (issn != null && !keys.contains("issn:" + issn)) {
                keys.add("issn:" + issn);
            }
        }
        if (keys.isEmpty() && host.getTitle() != null) {
            String title = MatchKeys.serialTitle(host.getTitle());
            if (title != null) {
                keys.add("serial:" + title);
            }
        }
        return keys;
    }

    /** Forgets what was found: a journal was written, or the index may show other writers' journals. */
    void forget() {
        found.clear();
    }

    /** The ISSNs of a journal master record, as its articles' host ISSNs are indexed. */
    static Set<String> issnKeys(CashlRecord journal) {
        Set<String> keys = new TreeSet<>();
        if (journal.getIdentifiers() != null) {
            for (StandardNumber issn : journal.getIdentifiers().getIssn()) {
                String valid = StandardNumbers.issn(issn.getValue());
                if (valid != null) {
                    keys.add(valid);
                }
            }
        }
        return keys;
    }

    /** The article master records whose journal has one of these ISSNs, linked or not, at most {@code max}. */
    Set<String> articlesOf(Set<String> issnKeys, int max) {
        return issnKeys.isEmpty()
                ? Set.of()
                : store.findIds(StoreCollection.CATALOG, SearchFields.HOST_ISSN, issnKeys, max);
    }

    /** A copy of the host that names the journal's master record (null: none). */
    static Host linked(Host host, String journal) {
        Host copy = new Host();
        copy.setTitle(host.getTitle());
        copy.setIssn(host.getIssn());
        copy.setEissn(host.getEissn());
        copy.setIssnL(host.getIssnL());
        copy.setVolume(host.getVolume());
        copy.setIssue(host.getIssue());
        copy.setPages(host.getPages());
        copy.setRecord(journal);
        return copy;
    }
}
