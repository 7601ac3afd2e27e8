package cn.edu.cashl.hub.merge;

import cn.edu.cashl.hub.catalog.SourceRecordStatus;
import cn.edu.cashl.hub.catalog.CatalogStore;
import cn.edu.cashl.hub.catalog.StoreCollection;
import cn.edu.cashl.hub.catalog.DatestampClock;
import cn.edu.cashl.hub.catalog.Projection;
import cn.edu.cashl.hub.catalog.StoreException;
import cn.edu.cashl.hub.catalog.StoredRecord;
import cn.edu.cashl.hub.schema.CashlRecords;
import cn.edu.cashl.hub.schema.v1.CashlRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
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
    private static final int MAX_HOPS = 20;

    private final CatalogStore store;
    /** The lease behind this writer's datestamps: open until its writes are visible. */
    private final DatestampClock.Writer datestamps;
    private final EditionMatcher matcher = new EditionMatcher();
    private final MasterMerger merger = new MasterMerger();
    /** Match key to master ids, and member to master id, of this writer's writes since the last refresh. */
    private final Map<String, Set<String>> recentKeys = new HashMap<>();
    private final Map<String, String> recentMembers = new HashMap<>();
    private int sinceRefresh;
    private final MergeStats stats = new MergeStats();

    public UnionCatalog(CatalogStore store, DatestampClock datestamps) {
        this.store = store;
        this.datestamps = datestamps.writer();
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
                throw new StoreException("master records " + conflicts + " kept changing under this writer; gave up after "
                        + attempt + " attempts");
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
        return before != null && change.kind() != SourceChange.Kind.DELETED && change.contentHash() != null
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
        sinceRefresh = 0;
        datestamps.visible();
    }

    /** One try at the batch. Returns the master records another writer changed meanwhile. */
    private Set<String> attempt(List<SourceChange> changes, Map<String, StoredRecord> previous) {
        Instant now = datestamps.stamp();
        Masters masters = new Masters();

        // 1. The neighbourhood: where the changed records were, and who shares a key with them.
        Set<String> keys = new TreeSet<>();
        Set<String> wanted = new TreeSet<>();
        for (SourceChange change : changes) {
            StoredRecord before = previous.get(change.id());
            if (before != null && before.field(CatalogFields.MASTER) != null) {
                wanted.add(before.field(CatalogFields.MASTER));
            }
            if (change.isAccepted()) {
                keys.addAll(change.keys().lookupKeys());
            }
        }
        wanted.addAll(store.findIds(StoreCollection.CATALOG, CatalogFields.MATCH_KEY, keys, MAX_CANDIDATES));
        keys.forEach(key -> wanted.addAll(recentKeys.getOrDefault(key, Set.of())));
        masters.load(wanted);
        Set<String> involved = new TreeSet<>();
        wanted.forEach(id -> masters.live(id).ifPresent(m -> involved.add(m.id())));
        for (SourceChange change : changes) {
            StoredRecord before = previous.get(change.id());
            if (before != null && before.field(CatalogFields.MASTER) != null) {
                masterOf(change.id(), before.field(CatalogFields.MASTER), masters).ifPresent(involved::add);
            }
        }
        // Linked master records join, so that their links follow a master record that goes.
        masters.load(involved.stream().flatMap(id -> masters.get(id).values(CatalogFields.OTHER_FORMAT).stream()).toList());
        new ArrayList<>(involved).forEach(id -> masters.get(id).values(CatalogFields.OTHER_FORMAT)
                .forEach(target -> masters.live(target).ifPresent(m -> involved.add(m.id()))));

        // 2. The records of the neighbourhood as they are now, and their clusters.
        SortedMap<String, MatchKeys> keysById = new TreeMap<>();
        Map<String, String> oldMaster = new HashMap<>();
        for (String id : involved) {
            MasterDocs.members(masters.get(id)).forEach((member, memberKeys) -> {
                if (keysById.putIfAbsent(member, memberKeys) == null) {
                    oldMaster.put(member, id);
                }
            });
        }
        Map<String, SourceChange> accepted = new TreeMap<>();
        for (SourceChange change : changes) {
            keysById.remove(change.id());
            if (change.isAccepted()) {
                keysById.put(change.id(), change.keys());
                accepted.put(change.id(), change);
            } else {
                oldMaster.remove(change.id());
            }
        }
        ClusterGraph graph = new ClusterGraph(matcher, keysById);
        List<SortedSet<String>> clusters = graph.components();

        // 3. Master ids: each old master record goes to the cluster holding most of its members.
        String[] ids = assignIds(clusters, oldMaster, involved, masters);
        Map<String, Integer> clusterOf = new HashMap<>();
        for (int c = 0; c < clusters.size(); c++) {
            for (String member : clusters.get(c)) {
                clusterOf.put(member, c);
            }
        }
        Map<String, String> finalId = new HashMap<>();
        Set<String> kept = new HashSet<>(List.of(ids));
        Map<String, String> retired = new TreeMap<>();
        for (String old : involved) {
            if (kept.contains(old)) {
                finalId.put(old, old);
                continue;
            }
            // Where most of its members went, ties to the smallest id; none left: no successor.
            Map<String, Integer> votes = new TreeMap<>();
            MasterDocs.members(masters.get(old)).keySet().stream().filter(clusterOf::containsKey)
                    .forEach(member -> votes.merge(ids[clusterOf.get(member)], 1, Integer::sum));
            String successor = votes.entrySet().stream().max(Map.Entry.<String, Integer>comparingByValue()
                    .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder()))).map(Map.Entry::getKey).orElse(null);
            retired.put(old, successor);
            finalId.put(old, successor); // null: gone without a successor
        }

        // 4. Other-format links: the old ones, following retired masters, and the ones the changes make.
        List<Set<String>> links = links(clusters, ids, clusterOf, finalId, accepted.keySet(), graph, masters);

        // 5. The master records whose content must be computed, and the members' records they need.
        List<Integer> dirty = new ArrayList<>();
        Set<String> toRead = new TreeSet<>();
        for (int c = 0; c < clusters.size(); c++) {
            StoredRecord old = masters.get(ids[c]);
            boolean same = old != null && !old.deleted()
                    && new TreeSet<>(old.values(CatalogFields.MEMBER)).equals(clusters.get(c))
                    && clusters.get(c).stream().noneMatch(accepted::containsKey)
                    && new TreeSet<>(old.values(CatalogFields.OTHER_FORMAT)).equals(links.get(c));
            if (!same) {
                dirty.add(c);
                clusters.get(c).stream().filter(member -> !accepted.containsKey(member)).forEach(toRead::add);
            }
        }
        Map<String, StoredRecord> stored = store.get(StoreCollection.SOURCE, toRead, Projection.CANONICAL);
        masters.loadXml(dirty.stream().map(c -> ids[c]).toList());

        // 6. Writes: source records first, so that a master record never names a member another
        // writer cannot read yet; then the master records, each only if nobody changed it meanwhile.
        List<StoredRecord> sourceWrites = new ArrayList<>();
        List<String> sourceDeletes = new ArrayList<>();
        for (SourceChange change : changes) {
            switch (change.kind()) {
                case ACCEPTED -> sourceWrites.add(change.sourceRecord()
                        .withField(CatalogFields.MASTER, ids[clusterOf.get(change.id())])
                        .withField(CatalogFields.CONTENT_HASH, change.contentHash()));
                case WITHDRAWN -> sourceWrites.add(change.sourceRecord().withField(CatalogFields.MASTER)
                        .withField(CatalogFields.CONTENT_HASH, change.contentHash()));
                case DELETED -> sourceDeletes.add(change.id());
            }
        }
        store.delete(StoreCollection.SOURCE, sourceDeletes);
        store.put(StoreCollection.SOURCE, sourceWrites);
        // Members that moved to another master record (clusters joined or split) learn their new one,
        // unless their own writer changed them meanwhile: then the hint stays stale, which costs a
        // look-up later but never a lost change.
        Map<String, String> movedTo = new TreeMap<>();
        for (int c : dirty) {
            for (String member : clusters.get(c)) {
                StoredRecord sourceRecord = stored.get(member);
                if (sourceRecord != null && !ids[c].equals(sourceRecord.field(CatalogFields.MASTER))) {
                    movedTo.put(member, ids[c]);
                }
            }
        }
        if (!movedTo.isEmpty()) {
            List<StoredRecord> moved = new ArrayList<>();
            store.get(StoreCollection.SOURCE, movedTo.keySet(), Projection.ALL).values()
                    .forEach(sourceRecord -> moved.add(sourceRecord.withField(CatalogFields.MASTER, movedTo.get(sourceRecord.id()))));
            store.putIfVersion(StoreCollection.SOURCE, moved);
        }

        List<StoredRecord> masterWrites = new ArrayList<>();
        int created = 0;
        int updated = 0;
        // Merging is pure computation on what was read: the clusters merge on every core.
        StoredRecord[] merged = new StoredRecord[clusters.size()];
        dirty.parallelStream().forEach(c ->
                merged[c] = master(ids[c], clusters.get(c), links.get(c), keysById, accepted, stored, masters.get(ids[c]), now));
        for (int c : dirty) {
            StoredRecord master = merged[c];
            if (master != null) {
                masterWrites.add(master);
                if (masters.get(ids[c]) == null || masters.get(ids[c]).deleted()) {
                    created++;
                } else {
                    updated++;
                }
            }
        }
        retired.forEach((old, successor) -> masterWrites.add(MasterDocs.tombstone(masters.get(old), now, successor)));
        Set<String> conflicts = store.putIfVersion(StoreCollection.CATALOG, masterWrites);
        if (!conflicts.isEmpty()) {
            return conflicts;
        }
        stats.created += created;
        stats.updated += updated;
        stats.retired += retired.size();
        for (StoredRecord master : masterWrites) {
            if (!master.deleted()) {
                master.values(CatalogFields.MATCH_KEY).forEach(key -> recentKeys.computeIfAbsent(key, k -> new HashSet<>()).add(master.id()));
                master.values(CatalogFields.MEMBER).forEach(member -> recentMembers.put(member, master.id()));
            }
        }
        return conflicts;
    }

    /** Each cluster's other-format links, symmetric, never to itself. */
    private static List<Set<String>> links(List<SortedSet<String>> clusters, String[] ids, Map<String, Integer> clusterOf,
            Map<String, String> finalId, Set<String> changed, ClusterGraph graph, Masters masters) {
        List<Set<String>> links = new ArrayList<>();
        for (int c = 0; c < clusters.size(); c++) {
            Set<String> own = new TreeSet<>();
            StoredRecord old = masters.get(ids[c]);
            if (old != null && !old.deleted()) {
                for (String target : old.values(CatalogFields.OTHER_FORMAT)) {
                    masters.follow(target, finalId).ifPresent(own::add);
                }
            }
            links.add(own);
        }
        for (String id : changed) {
            for (String[] pair : graph.otherFormatPairs(id)) {
                links.get(clusterOf.get(pair[0])).add(ids[clusterOf.get(pair[1])]);
            }
        }
        Map<String, Integer> indexOfId = new HashMap<>();
        for (int c = 0; c < clusters.size(); c++) {
            indexOfId.put(ids[c], c);
        }
        for (int c = 0; c < clusters.size(); c++) {
            for (String target : List.copyOf(links.get(c))) {
                Integer back = indexOfId.get(target);
                if (back != null) {
                    links.get(back).add(ids[c]);
                }
            }
            links.get(c).remove(ids[c]);
        }
        return links;
    }

    /**
     * The master record of one cluster, or null when the stored one already has this content. Its
     * datestamp stays when the published content (XML, sets) is unchanged. The sets the old one was
     * in and this one is not are kept as former sets: OAI-PMH harvests of those sets must learn that
     * the record left them.
     */
    private StoredRecord master(String id, SortedSet<String> members, Set<String> links, Map<String, MatchKeys> keysById,
            Map<String, SourceChange> accepted, Map<String, StoredRecord> stored, StoredRecord old, Instant now) {
        CashlRecord record;
        String xml;
        Map<String, MatchKeys> cluster = new TreeMap<>();
        SourceChange only = members.size() == 1 ? accepted.get(members.first()) : null;
        if (only != null && links.isEmpty() && id.equals(only.id())) {
            // A record alone under its own id is its own master record: no merge, no new XML.
            record = only.record();
            xml = only.sourceRecord().xml();
            cluster.put(only.id(), only.keys());
        } else {
            List<MasterMerger.Member> parts = new ArrayList<>();
            for (String member : members) {
                SourceChange change = accepted.get(member);
                Optional<CashlRecord> memberRecord = change != null ? Optional.of(change.record()) : read(stored.get(member));
                memberRecord.ifPresent(r -> {
                    parts.add(new MasterMerger.Member(member, r));
                    cluster.put(member, keysById.get(member));
                });
            }
            if (parts.isEmpty()) {
                return old == null || old.deleted() ? null : MasterDocs.tombstone(old, now, null);
            }
            record = merger.merge(id, parts, links);
            xml = CashlRecords.get().serialize(record); // valid by construction from valid members
        }
        StoredRecord master = MasterDocs.withFormerSets(MasterDocs.live(record, xml, now, cluster, links), old);
        if (old == null) {
            return master.withVersion(-1);
        }
        boolean samePublished = !old.deleted() && xml.equals(old.xml()) && master.sets().equals(old.sets());
        if (!samePublished) {
            return master.withVersion(old.version());
        }
        if (storedFields(master.fields()).equals(storedFields(old.fields()))) {
            return null;
        }
        // Only the cluster's bookkeeping changed: rewritten under the old datestamp.
        return MasterDocs.withFormerSets(MasterDocs.live(record, xml, old.datestamp(), cluster, links), old)
                .withVersion(old.version());
    }

    /** The fields as read back: match keys are indexed, not stored. */
    private static Map<String, List<String>> storedFields(Map<String, List<String>> fields) {
        Map<String, List<String>> result = new TreeMap<>(fields);
        result.remove(CatalogFields.MATCH_KEY);
        return result;
    }

    /**
     * A member's canonical record from the store. Empty when it is no longer an accepted record:
     * its own writer withdrew it a moment ago and is about to update this master record too.
     */
    private static Optional<CashlRecord> read(StoredRecord sourceRecord) {
        if (sourceRecord == null || sourceRecord.xml() == null || !SourceRecordStatus.ACCEPTED.of(sourceRecord)) {
            return Optional.empty();
        }
        return Optional.of(CashlRecords.get().bind(sourceRecord.xml())); // validated when it was stored
    }

    /**
     * A master id per cluster: greedily, the old master record with the largest share of a cluster
     * keeps its id there; a cluster without one gets the id of its first member if that id is free.
     */
    private String[] assignIds(List<SortedSet<String>> clusters, Map<String, String> oldMaster, Set<String> involved, Masters masters) {
        record Share(int cluster, String master, int members) {
        }
        List<Share> shares = new ArrayList<>();
        for (int c = 0; c < clusters.size(); c++) {
            Map<String, Integer> counts = new TreeMap<>();
            clusters.get(c).stream().map(oldMaster::get).filter(Objects::nonNull).forEach(m -> counts.merge(m, 1, Integer::sum));
            int cluster = c;
            counts.forEach((master, count) -> shares.add(new Share(cluster, master, count)));
        }
        shares.sort(Comparator.comparingInt((Share s) -> -s.members()).thenComparing(Share::master).thenComparingInt(Share::cluster));
        String[] ids = new String[clusters.size()];
        Set<String> taken = new HashSet<>();
        for (Share share : shares) {
            if (ids[share.cluster()] == null && taken.add(share.master())) {
                ids[share.cluster()] = share.master();
            }
        }
        taken.addAll(involved);
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
    private String newId(String base, Set<String> taken, Masters masters) {
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

    /** The live master record that has this source record as a member, starting from a hint. */
    private Optional<String> masterOf(String sourceId, String hint, Masters masters) {
        Optional<StoredRecord> hinted = masters.live(hint);
        if (hinted.isPresent() && hinted.get().values(CatalogFields.MEMBER).contains(sourceId)) {
            return hinted.map(StoredRecord::id);
        }
        // The hint is stale (the cluster split, or a concurrent writer moved it): ask the index.
        Set<String> found = new TreeSet<>(store.findIds(StoreCollection.CATALOG, CatalogFields.MEMBER, List.of(sourceId), 10));
        if (recentMembers.containsKey(sourceId)) {
            found.add(recentMembers.get(sourceId));
        }
        masters.load(found);
        return found.stream().map(masters::live).flatMap(Optional::stream)
                .filter(m -> m.values(CatalogFields.MEMBER).contains(sourceId)).map(StoredRecord::id).findFirst();
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 5L * Math.min(attempt, 20)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while retrying a conflicting write", e);
        }
    }

    /** The master records read in one attempt, fresh from the store (uncommitted writes included). */
    private final class Masters {
        private final Map<String, StoredRecord> loaded = new HashMap<>();
        private final Set<String> absent = new HashSet<>();

        void load(java.util.Collection<String> ids) {
            Set<String> missing = new TreeSet<>();
            ids.stream().filter(id -> !loaded.containsKey(id) && !absent.contains(id)).forEach(missing::add);
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

        StoredRecord get(String id) {
            return loaded.get(id);
        }

        /** Reads the XML of those of these master records that exist: only changed ones need it. */
        void loadXml(java.util.Collection<String> ids) {
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
         * was part of the neighbourhood, unchanged if it was not read, nowhere if it is gone.
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
}
