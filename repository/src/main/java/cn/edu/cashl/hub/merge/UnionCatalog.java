package cn.edu.cashl.hub.merge;

import cn.edu.cashl.hub.catalog.CatalogStore;
import cn.edu.cashl.hub.catalog.DatestampClock;
import cn.edu.cashl.hub.catalog.Projection;
import cn.edu.cashl.hub.catalog.SearchFields;
import cn.edu.cashl.hub.catalog.StoreCollection;
import cn.edu.cashl.hub.catalog.StoreException;
import cn.edu.cashl.hub.catalog.StoredRecord;
import cn.edu.cashl.hub.schema.CashlRecords;
import cn.edu.cashl.hub.schema.v1.CashlRecord;
import cn.edu.cashl.hub.schema.v1.RecordType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the catalog collection a union catalogue: one master record per cluster of source records
 * that describe the same edition, with every member's holdings. It takes the source records that
 * changed, a batch at a time, and re-evaluates only their neighbourhood: the master records they
 * belonged to, the ones that share a match key with them, and the ones linked to those.
 *
 * <p>Master ids are stable: a cluster keeps the id of the master record that contributed most of
 * its members. When clusters join, the ids that disappear become deleted records that name the
 * survivor ({@link CatalogFields#REPLACED_BY}); when one splits, the parts without the old id get
 * new ones. A master record whose last member goes becomes a deleted record. A master record is
 * written only when its content changed, and its datestamp moves only when its published content
 * (XML, sets, deleted flag) did.
 *
 * <p>Concurrency: several writers (harvests of different sources, hub nodes) may change one cluster
 * at the same time. Every master record is written conditionally on the version read
 * ({@link CatalogStore#putIfVersion}); a writer that loses re-reads and redoes its batch, so no
 * writer ever overwrites a member another one added. One instance serves one writer thread at a
 * time.
 */
public final class UnionCatalog {

    private static final Logger LOG = LoggerFactory.getLogger(UnionCatalog.class);
    /** Own writes that searches cannot see yet are remembered; a refresh after this many forgets them. */
    static final int REFRESH_EVERY = 20_000;

    private static final int MAX_CANDIDATES = 2_000;
    private static final int MAX_ATTEMPTS = 50;
    /** The most articles one journal's arrival links at once; the rest link when next merged. */
    private static final int MAX_ARTICLES_LINKED = 100_000;

    private static final int LINK_PAGE = 500;

    private static final String JOURNAL_SET = "type:" + RecordType.JOURNAL.value();
    private static final String EJOURNAL_SET = "type:" + RecordType.EJOURNAL.value();

    private final CatalogStore store;
    /** The lease behind this writer's datestamps: open until its writes are visible. */
    private final DatestampClock.Writer datestamps;

    private final EditionMatcher matcher = new EditionMatcher();
    private final MasterMerger merger = new MasterMerger();
    /** Match key to master ids, and member to master id, of this writer's writes since the last refresh. */
    private final Map<String, Set<String>> recentKeys = new HashMap<>();

    private final Map<String, String> recentMembers = new HashMap<>();
    /** Host ISSN to the article master ids of this writer's writes since the last refresh. */
    private final Map<String, Set<String>> recentArticles = new HashMap<>();

    private int sinceRefresh;
    private final MergeStats stats = new MergeStats();
    private final JournalLinks journalLinks;

    public UnionCatalog(CatalogStore store, DatestampClock datestamps) {
        this.store = store;
        this.datestamps = datestamps.writer();
        this.journalLinks = new JournalLinks(store, key -> recentKeys.getOrDefault(key, Set.of()));
    }

    /** What the union catalogue did so far. */
    public synchronized MergeStats stats() {
        return stats.copy();
    }

    /**
     * Writes a batch of source record changes and re-evaluates their clusters. The writes are not
     * committed, but made visible when the {@link DatestampClock} says readers have waited long
     * enough for them. A source record unchanged since it was last stored (same content hash,
     * still in a master record) changes nothing.
     */
    public synchronized void apply(List<SourceChange> batch) {
        try {
            applyAll(batch);
        } catch (RuntimeException e) {
            // What was written must not stay invisible under a datestamp readers wait for.
            try {
                refresh();
            } catch (RuntimeException again) {
                e.addSuppressed(again);
            }
            throw e;
        }
    }

    private void applyAll(List<SourceChange> batch) {
        Map<String, SourceChange> changes = new LinkedHashMap<>();
        batch.forEach(change -> changes.put(change.id(), change)); // the last change of an id wins
        Map<String, StoredRecord> previous = store.get(StoreCollection.SOURCE, changes.keySet(), Projection.FIELDS);
        List<SourceChange> effective = new ArrayList<>();
        for (SourceChange change : changes.values()) {
            StoredRecord before = previous.get(change.id());
            if (isUnchanged(change, before)) {
                stats.unchangedSources++;
                continue;
            }
            effective.add(change);
            if (change.kind() == SourceChange.Kind.DELETED) {
                stats.sourcesDeleted += before == null ? 0 : 1;
            } else if (before == null) {
                stats.sourcesAdded++;
            } else {
                stats.sourcesChanged++;
            }
        }
        for (int attempt = 1; !effective.isEmpty(); attempt++) {
            Set<String> conflicts = attempt(effective, previous);
            if (conflicts.isEmpty()) {
                break;
            }
            stats.conflicts++;
            if (attempt == MAX_ATTEMPTS) {
                throw new StoreException("master records " + conflicts
                        + " kept changing under this writer; gave up after " + attempt + " attempts");
            }
            LOG.debug("master records {} changed meanwhile; attempt {} redoes the batch", conflicts, attempt + 1);
            pause(attempt);
            previous = store.get(StoreCollection.SOURCE, changes.keySet(), Projection.FIELDS);
        }
        sinceRefresh += effective.size();
        if (sinceRefresh >= REFRESH_EVERY || datestamps.overdue()) {
            refresh();
        }
    }

    /**
     * Whether a change would store what is stored already: same content and status, and an accepted
     * record still in a master record (a withdrawn one in none).
     */
    private static boolean isUnchanged(SourceChange change, StoredRecord before) {
        return before != null
                && change.kind() != SourceChange.Kind.DELETED
                && change.contentHash() != null
                && change.contentHash().equals(before.field(CatalogFields.CONTENT_HASH))
                && change.sourceRecord().status().equals(before.status())
                && (change.isAccepted() == (before.field(CatalogFields.MASTER) != null));
    }

    /** Makes every write visible to searches, so that candidates no longer need remembering. */
    public synchronized void refresh() {
        store.refresh();
        forgetRecentWrites();
    }

    /**
     * Forgets the writes remembered for searches and closes this writer's datestamp lease: call
     * after the store made every write visible.
     */
    public synchronized void forgetRecentWrites() {
        recentKeys.clear();
        recentMembers.clear();
        recentArticles.clear();
        journalLinks.forget();
        sinceRefresh = 0;
        datestamps.visible();
    }

    /** One try at the batch, in six steps. Returns the master records another writer changed meanwhile. */
    private Set<String> attempt(List<SourceChange> changes, Map<String, StoredRecord> previous) {
        Instant now = datestamps.stamp();
        MasterReads masters = new MasterReads(store);

        // 1. The neighbourhood: where the changed records were, and who shares a key with them.
        Set<String> involved = involvedMasters(changes, masterHints(changes, previous), masters);

        // 2. The records of the neighbourhood as they are now, and their clusters.
        Neighbourhood records = Neighbourhood.of(involved, masters, changes);
        ClusterGraph graph = new ClusterGraph(matcher, records.keys());

        // 3. Master ids: each old master record goes to the cluster holding most of its members.
        Clusters clusters = Clusters.assign(graph.components(), records.formerMasters(), involved, masters);

        // 4. Other-format links: the old ones, following retired masters, and the ones the changes make.
        List<Set<String>> links = links(clusters, records.accepted().keySet(), graph, masters);

        // 5. The master records whose content must be computed, and the members' records they need.
        List<Integer> dirty = dirtyClusters(clusters, links, records, masters);
        Map<String, StoredRecord> stored = readMembers(clusters, dirty, records);
        masters.loadXml(dirty.stream().map(clusters::id).toList());

        // 6. Writes: source records first, so that a master record never names a member another
        // writer cannot read yet; then the master records, each only if nobody changed it meanwhile.
        writeSources(changes, clusters);
        moveMembers(clusters, dirty, stored);
        return writeMasters(
                clusters, dirty, links, new MasterUpdates(merger, records, stored, now, journalLinks), masters, now);
    }

    /** The master record each changed source record names as its own, in batch order: a hint, confirmed in step 1. */
    private static Map<String, String> masterHints(List<SourceChange> changes, Map<String, StoredRecord> previous) {
        Map<String, String> hints = new LinkedHashMap<>();
        for (SourceChange change : changes) {
            StoredRecord before = previous.get(change.id());
            if (before != null && before.field(CatalogFields.MASTER) != null) {
                hints.put(change.id(), before.field(CatalogFields.MASTER));
            }
        }
        return hints;
    }

    /**
     * Step 1: the live master records the changed records were in, those that share a match key with
     * an accepted one (in the index, or among this writer's writes it cannot see yet), and those
     * linked to them.
     */
    private Set<String> involvedMasters(List<SourceChange> changes, Map<String, String> hints, MasterReads masters) {
        Set<String> keys = new TreeSet<>();
        changes.stream()
                .filter(SourceChange::isAccepted)
                .forEach(change -> keys.addAll(change.keys().searchKeys()));
        Set<String> wanted = new TreeSet<>(hints.values());
        wanted.addAll(store.findIds(StoreCollection.CATALOG, CatalogFields.MATCH_KEY, keys, MAX_CANDIDATES));
        keys.forEach(key -> wanted.addAll(recentKeys.getOrDefault(key, Set.of())));
        masters.load(wanted);
        Set<String> involved = new TreeSet<>();
        wanted.forEach(id -> masters.live(id).ifPresent(m -> involved.add(m.id())));
        hints.forEach((sourceId, hint) -> masterOf(sourceId, hint, masters).ifPresent(involved::add));
        // Linked master records join, so that their links follow a master record that goes.
        masters.load(involved.stream()
                .flatMap(id -> masters.get(id).values(CatalogFields.OTHER_FORMAT).stream())
                .toList());
        new ArrayList<>(involved)
                .forEach(id -> masters.get(id)
                        .values(CatalogFields.OTHER_FORMAT)
                        .forEach(target -> masters.live(target).ifPresent(m -> involved.add(m.id()))));
        return involved;
    }

    /** Step 4: each cluster's other-format links, symmetric, never to itself. */
    private static List<Set<String>> links(
            Clusters clusters, Set<String> changed, ClusterGraph graph, MasterReads masters) {
        List<Set<String>> links = new ArrayList<>();
        for (int c = 0; c < clusters.size(); c++) {
            Set<String> own = new TreeSet<>();
            StoredRecord old = masters.get(clusters.id(c));
            if (old != null && !old.deleted()) {
                for (String target : old.values(CatalogFields.OTHER_FORMAT)) {
                    masters.follow(target, clusters.finalIds()).ifPresent(own::add);
                }
            }
            links.add(own);
        }
        for (String id : changed) {
            for (String[] pair : graph.otherFormatPairs(id)) {
                links.get(clusters.indexOf(pair[0])).add(clusters.idOf(pair[1]));
            }
        }
        for (int c = 0; c < clusters.size(); c++) {
            for (String target : List.copyOf(links.get(c))) {
                Integer back = clusters.indexOfId(target);
                if (back != null) {
                    links.get(back).add(clusters.id(c));
                }
            }
            links.get(c).remove(clusters.id(c));
        }
        return links;
    }

    /**
     * Step 5: the clusters whose master record must be computed again: a new one, or one whose
     * members, members' content or links changed.
     */
    private static List<Integer> dirtyClusters(
            Clusters clusters, List<Set<String>> links, Neighbourhood records, MasterReads masters) {
        List<Integer> dirty = new ArrayList<>();
        for (int c = 0; c < clusters.size(); c++) {
            StoredRecord old = masters.get(clusters.id(c));
            boolean same = old != null
                    && !old.deleted()
                    && new TreeSet<>(old.values(CatalogFields.MEMBER)).equals(clusters.members(c))
                    && clusters.members(c).stream().noneMatch(records::isNew)
                    && new TreeSet<>(old.values(CatalogFields.OTHER_FORMAT)).equals(links.get(c));
            if (!same) {
                dirty.add(c);
            }
        }
        return dirty;
    }

    /** The stored source records of the dirty clusters' members the batch did not bring, in one read. */
    private Map<String, StoredRecord> readMembers(Clusters clusters, List<Integer> dirty, Neighbourhood records) {
        Set<String> toRead = new TreeSet<>();
        dirty.forEach(c -> clusters.members(c).stream()
                .filter(member -> !records.isNew(member))
                .forEach(toRead::add));
        return store.get(StoreCollection.SOURCE, toRead, Projection.CANONICAL);
    }

    /** Step 6a: the batch's source records, each accepted one naming its master record. */
    private void writeSources(List<SourceChange> changes, Clusters clusters) {
        List<StoredRecord> sourceWrites = new ArrayList<>();
        List<String> sourceDeletes = new ArrayList<>();
        for (SourceChange change : changes) {
            switch (change.kind()) {
                case ACCEPTED ->
                    sourceWrites.add(change.sourceRecord()
                            .withField(CatalogFields.MASTER, clusters.idOf(change.id()))
                            .withField(CatalogFields.CONTENT_HASH, change.contentHash()));
                case WITHDRAWN ->
                    sourceWrites.add(change.sourceRecord()
                            .withField(CatalogFields.MASTER)
                            .withField(CatalogFields.CONTENT_HASH, change.contentHash()));
                case DELETED -> sourceDeletes.add(change.id());
            }
        }
        store.delete(StoreCollection.SOURCE, sourceDeletes);
        store.put(StoreCollection.SOURCE, sourceWrites);
    }

    /**
     * Step 6b: members that moved to another master record (clusters joined or split) learn their new
     * one, unless their own writer changed them meanwhile: then the hint stays stale, which costs a
     * look-up later but never a lost change.
     */
    private void moveMembers(Clusters clusters, List<Integer> dirty, Map<String, StoredRecord> stored) {
        Map<String, String> movedTo = new TreeMap<>();
        for (int c : dirty) {
            for (String member : clusters.members(c)) {
                StoredRecord sourceRecord = stored.get(member);
                if (sourceRecord != null && !clusters.id(c).equals(sourceRecord.field(CatalogFields.MASTER))) {
                    movedTo.put(member, clusters.id(c));
                }
            }
        }
        if (!movedTo.isEmpty()) {
            List<StoredRecord> moved = new ArrayList<>();
            store.get(StoreCollection.SOURCE, movedTo.keySet(), Projection.ALL)
                    .values()
                    .forEach(sourceRecord ->
                            moved.add(sourceRecord.withField(CatalogFields.MASTER, movedTo.get(sourceRecord.id()))));
            store.putIfVersion(StoreCollection.SOURCE, moved);
        }
    }

    /**
     * Step 6c: the dirty clusters' master records and the retired ones' deleted records, each written
     * only if it still has the version read. Returns the ones another writer changed meanwhile.
     */
    private Set<String> writeMasters(
            Clusters clusters,
            List<Integer> dirty,
            List<Set<String>> links,
            MasterUpdates updates,
            MasterReads masters,
            Instant now) {
        // Merging is pure computation on what was read: the clusters merge on every core.
        StoredRecord[] merged = new StoredRecord[clusters.size()];
        dirty.parallelStream()
                .forEach(c -> merged[c] =
                        updates.master(clusters.id(c), clusters.members(c), links.get(c), masters.get(clusters.id(c))));
        List<StoredRecord> masterWrites = new ArrayList<>();
        int created = 0;
        for (int c : dirty) {
            if (merged[c] != null) {
                masterWrites.add(merged[c]);
                StoredRecord old = masters.get(clusters.id(c));
                created += old == null || old.deleted() ? 1 : 0;
            }
        }
        int updated = masterWrites.size() - created;
        clusters.retired()
                .forEach((old, successor) -> masterWrites.add(MasterDocs.tombstone(masters.get(old), now, successor)));
        Set<String> conflicts = store.putIfVersion(StoreCollection.CATALOG, masterWrites);
        if (conflicts.isEmpty()) {
            stats.created += created;
            stats.updated += updated;
            stats.retired += clusters.retired().size();
            remember(masterWrites);
            linkArticles(masterWrites);
        }
        return conflicts;
    }

    /**
     * The articles that were waiting for the journals just written: each one's master record named
     * no journal, or another one; it is written again naming the journal it now finds. An article
     * another writer changes meanwhile is left to that writer's merge, which finds the journal too.
     */
    private void linkArticles(List<StoredRecord> masterWrites) {
        Set<String> issns = new TreeSet<>();
        for (StoredRecord master : masterWrites) {
            if (!master.deleted()
                    && (master.sets().contains(JOURNAL_SET) || master.sets().contains(EJOURNAL_SET))) {
                master.values(SearchFields.ISSN).forEach(issns::add);
            }
        }
        if (issns.isEmpty()) {
            return;
        }
        journalLinks.forget(); // a journal was written: what was not found may be found now
        JournalLinks journals = journalLinks;
        Set<String> articles = new TreeSet<>(journals.articlesOf(issns, MAX_ARTICLES_LINKED));
        issns.forEach(issn -> articles.addAll(recentArticles.getOrDefault(issn, Set.of())));
        if (articles.isEmpty()) {
            return;
        }
        Instant now = datestamps.stamp();
        List<String> ids = new ArrayList<>(articles);
        // A page at a time: a journal may bring thousands of articles, each read whole.
        for (int from = 0; from < ids.size(); from += LINK_PAGE) {
            List<StoredRecord> relinked = new ArrayList<>();
            for (StoredRecord article : store.get(
                            StoreCollection.CATALOG,
                            ids.subList(from, Math.min(ids.size(), from + LINK_PAGE)),
                            Projection.ALL)
                    .values()) {
                StoredRecord linked = linked(article, journals, now);
                if (linked != null) {
                    relinked.add(linked);
                }
            }
            if (!relinked.isEmpty()) {
                Set<String> lost = store.putIfVersion(StoreCollection.CATALOG, relinked);
                stats.linkedArticles += relinked.size() - lost.size();
                remember(relinked.stream().filter(r -> !lost.contains(r.id())).toList());
                LOG.debug("linked {} articles to their journals; {} changed meanwhile", relinked.size(), lost.size());
            }
        }
    }

    /** An article's master record naming the journal it now finds; null when it names it already. */
    private static StoredRecord linked(StoredRecord article, JournalLinks journals, Instant now) {
        if (article.deleted() || article.xml() == null) {
            return null;
        }
        CashlRecord record = CashlRecords.get().bind(article.xml());
        if (record.getType() != RecordType.ARTICLE || record.getIsPartOf() == null) {
            return null;
        }
        String journal = journals.journalOf(record.getIsPartOf());
        if (Objects.equals(journal, record.getIsPartOf().getRecord())) {
            return null;
        }
        record.setIsPartOf(JournalLinks.linked(record.getIsPartOf(), journal));
        return MasterDocs.withFormerSets(
                        MasterDocs.live(
                                record,
                                CashlRecords.get().serialize(record),
                                now,
                                MasterDocs.members(article),
                                article.values(CatalogFields.OTHER_FORMAT)),
                        article)
                .withVersion(article.version());
    }

    /**
     * Remembers what searches cannot see yet of these master records: their match keys and members,
     * and for articles the ISSNs of their journals.
     */
    private void remember(List<StoredRecord> masterWrites) {
        for (StoredRecord master : masterWrites) {
            if (!master.deleted()) {
                master.values(SearchFields.HOST_ISSN)
                        .forEach(issn -> recentArticles
                                .computeIfAbsent(issn, k -> new HashSet<>())
                                .add(master.id()));
                master.values(CatalogFields.MATCH_KEY)
                        .forEach(key -> recentKeys
                                .computeIfAbsent(key, k -> new HashSet<>())
                                .add(master.id()));
                master.values(CatalogFields.MEMBER).forEach(member -> recentMembers.put(member, master.id()));
            }
        }
    }

    /** The live master record that has this source record as a member, starting from a hint. */
    private Optional<String> masterOf(String sourceId, String hint, MasterReads masters) {
        Optional<StoredRecord> hinted = masters.live(hint);
        if (hinted.isPresent() && hinted.get().values(CatalogFields.MEMBER).contains(sourceId)) {
            return hinted.map(StoredRecord::id);
        }
        // The hint is stale (the cluster split, or a concurrent writer moved it): ask the index.
        Set<String> found =
                new TreeSet<>(store.findIds(StoreCollection.CATALOG, CatalogFields.MEMBER, List.of(sourceId), 10));
        if (recentMembers.containsKey(sourceId)) {
            found.add(recentMembers.get(sourceId));
        }
        masters.load(found);
        return found.stream()
                .map(masters::live)
                .flatMap(Optional::stream)
                .filter(m -> m.values(CatalogFields.MEMBER).contains(sourceId))
                .map(StoredRecord::id)
                .findFirst();
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 5L * Math.min(attempt, 20)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while retrying a conflicting write", e);
        }
    }
}
