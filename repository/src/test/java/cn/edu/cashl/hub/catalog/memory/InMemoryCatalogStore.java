package cn.edu.cashl.hub.catalog.memory;

import cn.edu.cashl.hub.catalog.CatalogStore;
import cn.edu.cashl.hub.catalog.Projection;
import cn.edu.cashl.hub.catalog.RecordFilter;
import cn.edu.cashl.hub.catalog.RecordKey;
import cn.edu.cashl.hub.catalog.RecordPage;
import cn.edu.cashl.hub.catalog.StoreCollection;
import cn.edu.cashl.hub.catalog.StoreException;
import cn.edu.cashl.hub.catalog.StoreHealth;
import cn.edu.cashl.hub.catalog.StoreHealth.CollectionHealth;
import cn.edu.cashl.hub.catalog.StoredRecord;
import cn.edu.cashl.hub.merge.CatalogFields;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The catalogue store in memory, for unit tests only (it ships in the test jar, never in the hub).
 * It passes the same {@code CatalogStoreContract} as the Solr store, so that tests of what sits on
 * the store can run without starting Solr and still be trusted.
 *
 * <p>It behaves as the Solr store does wherever a caller can tell:
 * <ul>
 *   <li>Visibility: {@link #get} sees every write at once (Solr's real-time get); listings, counts,
 *       {@link #findIds}, {@link #terms} and {@link #health} see the records as of the last
 *       {@link #refresh} or {@link #commit}, which are one thing here.</li>
 *   <li>Fields follow the configset's schema.xml ({@link ConfigsetSchema}): an undeclared field, a
 *       second value of a single-valued field, a value of the wrong type or an indexed string over
 *       Lucene's term limit is a {@link StoreException}; typed values come back in Solr's form.
 *       Indexed-only fields (match keys) are searchable and never read back; docValues-only fields
 *       (the search keys) come back from a full read only, sorted and without duplicates as Solr
 *       returns them from the index. Datestamps keep milliseconds, as Solr's dates do.</li>
 *   <li>Projections read the fields the Solr store's field lists name, nothing more.</li>
 *   <li>Listings sort by datestamp, then id in code point order (the order of Solr's UTF-8 bytes). A
 *       page shorter than asked is the last, so a listing that ends on a page boundary ends with an
 *       empty page, as a cursorMark walk does.</li>
 *   <li>Versions: 0 writes unconditionally, a negative one only a new record, 1 only an existing
 *       one (Solr's meaning; no record ever has version 1), others only over that exact version.</li>
 * </ul>
 * Unlike Solr, a batch is written or refused as a whole, and nothing survives {@link #close}. Search
 * on analysed text is not modelled: {@link #findIds} and {@link #terms} refuse fields other than
 * strings rather than answer differently from Solr.
 *
 * <p>Thread-safe: one read-write lock, so every call sees one consistent state.
 */
public final class InMemoryCatalogStore implements CatalogStore {

    /** Solr's order of strings: UTF-8 bytes, which is code point order (not UTF-16 order). */
    private static final Comparator<String> CODE_POINTS = (a, b) -> {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int x = a.codePointAt(i);
            int y = b.codePointAt(j);
            if (x != y) {
                return Integer.compare(x, y);
            }
            i += Character.charCount(x);
            j += Character.charCount(y);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    };
    /** The listing order, (datestamp, id). */
    private static final Comparator<RecordKey> LISTING_ORDER =
            Comparator.comparing(RecordKey::datestamp).thenComparing(RecordKey::id, CODE_POINTS);
    /**
     * Names an extra field cannot have: the schema's fields of the record's own parts, and Solr's
     * internal ones (as the Solr store refuses them).
     */
    private static final Set<String> RESERVED = Set.of(
            "id", "datestamp", "deleted", "set", "library", "source", "status", "xml", "raw", "_version_", "_root_");

    private final ConfigsetSchema schema = ConfigsetSchema.shipped();
    private final Map<StoreCollection, Records> collections = new EnumMap<>(StoreCollection.class);
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    /** The last version handed out; the first write gets 2 (see the class comment). */
    private final AtomicLong versions = new AtomicLong(1);

    private boolean closed;

    public InMemoryCatalogStore() {
        for (StoreCollection collection : StoreCollection.values()) {
            collections.put(collection, new Records());
        }
    }

    /**
     * One collection: the records as written, which {@code get} reads, and the records as of the
     * last refresh in listing order, which listings and searches read.
     */
    private static final class Records {
        final Map<String, Indexed> written = new HashMap<>();
        final Map<String, Indexed> visibleById = new HashMap<>();
        final NavigableMap<RecordKey, Indexed> visible = new TreeMap<>(LISTING_ORDER);
        /**
         * The visible records by field and term, as Solr's inverted index: deduplication asks
         * {@code findIds} for a batch's match keys every batch, which a scan of every record would
         * make quadratic in the size of the catalogue.
         */
        final Map<String, Map<String, Set<String>>> postings = new HashMap<>();
        /** Ids written or deleted since the last refresh. */
        final Set<String> changed = new HashSet<>();

        void write(Indexed record) {
            written.put(record.record().id(), record);
            changed.add(record.record().id());
        }

        void delete(String id) {
            if (written.remove(id) != null) {
                changed.add(id);
            }
        }

        void refresh() {
            for (String id : changed) {
                Indexed old = visibleById.remove(id);
                if (old != null) {
                    visible.remove(RecordKey.of(old.record()));
                    old.terms().forEach((field, terms) -> terms.forEach(term -> unpost(field, term, id)));
                }
                Indexed now = written.get(id);
                if (now != null) {
                    visibleById.put(id, now);
                    visible.put(RecordKey.of(now.record()), now);
                    now.terms()
                            .forEach((field, terms) ->
                                    terms.forEach(term -> postings.computeIfAbsent(field, f -> new HashMap<>())
                                            .computeIfAbsent(term, t -> new HashSet<>())
                                            .add(id)));
                }
            }
            changed.clear();
        }

        private void unpost(String field, String term, String id) {
            Map<String, Set<String>> byTerm = postings.get(field);
            Set<String> ids = byTerm == null ? null : byTerm.get(term);
            if (ids != null) {
                ids.remove(id);
                if (ids.isEmpty()) {
                    byTerm.remove(term);
                }
            }
        }

        /** The visible records that hold any of these terms in the field. */
        Set<String> withAnyOf(String field, Set<String> terms) {
            Map<String, Set<String>> byTerm = postings.getOrDefault(field, Map.of());
            Set<String> ids = new HashSet<>();
            for (String term : terms) {
                ids.addAll(byTerm.getOrDefault(term, Set.of()));
            }
            return ids;
        }

        void clear() {
            written.clear();
            visibleById.clear();
            visible.clear();
            postings.clear();
            changed.clear();
        }
    }

    /**
     * A record as the store keeps it.
     *
     * @param record what a full read returns of it (stored and docValues fields, in Solr's form)
     * @param terms  the string values the index holds, by field: the record's own parts and every
     *               indexed or docValues string field, stored or not
     */
    private record Indexed(StoredRecord record, Map<String, Set<String>> terms) {}

    @Override
    public void put(StoreCollection collection, List<StoredRecord> records) {
        List<Indexed> indexed = index(records);
        write(() -> {
            Records target = collections.get(collection);
            indexed.forEach(record -> target.write(withNewVersion(record)));
            return null;
        });
    }

    @Override
    public Set<String> putIfVersion(StoreCollection collection, List<StoredRecord> records) {
        List<Indexed> indexed = index(records);
        return write(() -> {
            Records target = collections.get(collection);
            Set<String> conflicts = new HashSet<>();
            for (int i = 0; i < records.size(); i++) {
                long expected = records.get(i).version();
                Indexed current = target.written.get(records.get(i).id());
                boolean holds = expected == 0
                        || expected < 0 && current == null
                        || expected == 1 && current != null
                        || current != null && current.record().version() == expected;
                if (holds) {
                    target.write(withNewVersion(indexed.get(i)));
                } else {
                    conflicts.add(records.get(i).id());
                }
            }
            return conflicts;
        });
    }

    @Override
    public Optional<StoredRecord> get(StoreCollection collection, String id) {
        return read(() ->
                Optional.ofNullable(collections.get(collection).written.get(id)).map(Indexed::record));
    }

    @Override
    public Map<String, StoredRecord> get(StoreCollection collection, Collection<String> ids, Projection projection) {
        return read(() -> {
            Map<String, StoredRecord> found = new HashMap<>();
            Records records = collections.get(collection);
            for (String id : ids) {
                // Origins are read as of the last refresh when they were visible then, as Solr's
                // docValues are; the rest as written.
                Indexed record = projection == Projection.ORIGINS && records.visibleById.containsKey(id)
                        ? records.visibleById.get(id)
                        : records.written.get(id);
                if (record != null) {
                    found.put(id, project(record, projection));
                }
            }
            return found;
        });
    }

    @Override
    public Set<String> findIds(StoreCollection collection, String field, Collection<String> values, int max) {
        if (!stringField(field).indexed()) {
            return Set.of(); // Solr's terms query finds nothing in a field that is not indexed
        }
        Set<String> wanted = Set.copyOf(values);
        return read(() -> {
            Records records = collections.get(collection);
            // At most max of them, the first in listing order, as a scan in that order would give.
            Set<String> ids = new TreeSet<>(CODE_POINTS);
            records.withAnyOf(field, wanted).stream()
                    .map(id -> RecordKey.of(records.visibleById.get(id).record()))
                    .sorted(LISTING_ORDER)
                    .limit(max)
                    .forEach(key -> ids.add(key.id()));
            return ids;
        });
    }

    @Override
    public void delete(StoreCollection collection, Collection<String> ids) {
        write(() -> {
            ids.forEach(collections.get(collection)::delete);
            return null;
        });
    }

    @Override
    public RecordPage list(
            StoreCollection collection, RecordFilter filter, String cursor, int pageSize, Projection projection) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("page size must be at least 1, was " + pageSize);
        }
        RecordKey after = cursor == null || cursor.equals(FIRST_PAGE) ? null : decode(cursor);
        return read(() -> {
            NavigableMap<RecordKey, Indexed> visible = collections.get(collection).visible;
            List<StoredRecord> page = page(visible, filter, after, pageSize, projection);
            String next = page.size() < pageSize ? null : encode(RecordKey.of(page.get(page.size() - 1)));
            return new RecordPage(page, next, matching(visible, filter).count());
        });
    }

    @Override
    public RecordPage listAfter(
            StoreCollection collection,
            RecordFilter filter,
            RecordKey after,
            int limit,
            Projection projection,
            boolean count) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
        return read(() -> {
            NavigableMap<RecordKey, Indexed> visible = collections.get(collection).visible;
            List<StoredRecord> records = page(visible, filter, after, limit, projection);
            // As on Solr, where the position is one more filter, the total counts what follows it.
            long total = count ? matching(following(visible, after), filter).count() : -1;
            return new RecordPage(records, null, total);
        });
    }

    @Override
    public Map<String, Long> terms(StoreCollection collection, String field, int limit) {
        ConfigsetSchema.Field rules = stringField(field);
        if (!rules.indexed() && !rules.docValues()) {
            throw new IllegalArgumentException(
                    "field " + field + " is neither indexed nor docValues: Solr cannot count its values");
        }
        return read(() -> {
            Map<String, Long> counts = new HashMap<>();
            for (Indexed record : collections.get(collection).visible.values()) {
                record.terms().getOrDefault(field, Set.of()).forEach(term -> counts.merge(term, 1L, Long::sum));
            }
            // Most frequent first, ties in index order; a negative limit is none, as for Solr's facets.
            Map<String, Long> terms = new LinkedHashMap<>();
            counts.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue()
                            .reversed()
                            .thenComparing(Map.Entry.comparingByKey(CODE_POINTS)))
                    .limit(limit < 0 ? Long.MAX_VALUE : limit)
                    .forEach(entry -> terms.put(entry.getKey(), entry.getValue()));
            return terms;
        });
    }

    @Override
    public long count(StoreCollection collection, RecordFilter filter) {
        return read(() -> matching(collections.get(collection).visible, filter).count());
    }

    /** Makes every write visible; there is nothing to make durable. */
    @Override
    public void commit() {
        refresh();
    }

    @Override
    public void refresh() {
        write(() -> {
            collections.values().forEach(Records::refresh);
            return null;
        });
    }

    @Override
    public StoreHealth health() {
        lock.readLock().lock();
        try {
            Map<String, CollectionHealth> health = new LinkedHashMap<>();
            collections.forEach((collection, records) -> health.put(
                    collection.collectionName(),
                    closed
                            ? new CollectionHealth(false, -1, "the store is closed")
                            : new CollectionHealth(true, records.visible.size(), null)));
            return new StoreHealth(!closed, "memory", "in-memory test store", health);
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public void close() {
        lock.writeLock().lock();
        try {
            closed = true;
            collections.values().forEach(Records::clear);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Up to {@code size} records matching the filter after a position (null: from the start). */
    private List<StoredRecord> page(
            NavigableMap<RecordKey, Indexed> visible,
            RecordFilter filter,
            RecordKey after,
            int size,
            Projection projection) {
        return following(visible, after).values().stream()
                .filter(record -> matches(filter, record.record()))
                .limit(size)
                .map(record -> project(record, projection))
                .toList();
    }

    /** The records after a position; its datestamp counts to the millisecond, as Solr's dates do. */
    private static NavigableMap<RecordKey, Indexed> following(
            NavigableMap<RecordKey, Indexed> records, RecordKey after) {
        return after == null ? records : records.tailMap(new RecordKey(millis(after.datestamp()), after.id()), false);
    }

    private static Stream<StoredRecord> matching(NavigableMap<RecordKey, Indexed> records, RecordFilter filter) {
        return records.values().stream().map(Indexed::record).filter(record -> matches(filter, record));
    }

    /**
     * Whether a record passes a filter: the meaning of {@link RecordFilter}, which the Solr store
     * expresses as filter queries. Every part is optional and the parts combine with AND; the date
     * bounds are inclusive; an OAI set covers the records in it or in a set below it, now or formerly.
     */
    private static boolean matches(RecordFilter filter, StoredRecord record) {
        return (filter.set() == null || record.sets().contains(filter.set()))
                && (filter.library() == null || record.libraries().contains(filter.library()))
                && (filter.source() == null || filter.source().equals(record.source()))
                && (filter.status() == null || filter.status().equals(record.status()))
                && (filter.deleted() == null || filter.deleted() == record.deleted())
                && (filter.from() == null || !record.datestamp().isBefore(millis(filter.from())))
                && (filter.until() == null || !record.datestamp().isAfter(millis(filter.until())))
                && (filter.oaiSet() == null
                        || Stream.concat(record.sets().stream(), record.values(RecordFilter.FORMER_SET).stream())
                                .anyMatch(spec ->
                                        spec.equals(filter.oaiSet()) || spec.startsWith(filter.oaiSet() + ":")));
    }

    /**
     * What a projection reads of a record: the fields the Solr store's field lists name. Those name
     * stored fields only, so docValues-only fields come back from a full read alone; the OAI-PMH
     * headers are id, datestamp, deleted flag, sets, former sets and members, without a version.
     */
    private StoredRecord project(Indexed indexed, Projection projection) {
        StoredRecord record = indexed.record();
        return switch (projection) {
            case ALL -> record;
            case FIELDS -> stored(record, null);
            case CANONICAL -> stored(record, record.xml());
            case HEADERS, PUBLISHED -> {
                StoredRecord.Builder header = StoredRecord.builder(record.id(), record.datestamp())
                        .deleted(record.deleted())
                        .xml(projection == Projection.PUBLISHED ? record.xml() : null);
                record.sets().forEach(header::set);
                header.field(RecordFilter.FORMER_SET, record.values(RecordFilter.FORMER_SET))
                        .field(CatalogFields.MEMBER, record.values(CatalogFields.MEMBER));
                yield header.build();
            }
            case ORIGINS -> {
                StoredRecord.Builder origin =
                        StoredRecord.builder(record.id(), record.datestamp()).source(record.source());
                record.fields().forEach((name, values) -> {
                    if (name.endsWith("_s")) {
                        origin.field(name, values.toArray(String[]::new));
                    }
                });
                yield origin.build();
            }
        };
    }

    /** A record with its stored fields only, this XML and no raw record. */
    private StoredRecord stored(StoredRecord record, String xml) {
        Map<String, List<String>> fields = new HashMap<>(record.fields());
        fields.keySet().removeIf(name -> !schema.field(name).stored());
        return new StoredRecord(
                record.id(),
                record.datestamp(),
                record.deleted(),
                record.sets(),
                record.libraries(),
                record.source(),
                record.status(),
                xml,
                null,
                fields,
                record.version());
    }

    /**
     * The records as the store keeps them, or the reason the whole batch is refused: an extra field
     * named like a part of the record is the caller's mistake ({@link IllegalArgumentException}, as
     * from the Solr store), a value the schema refuses is the store's refusal.
     */
    private List<Indexed> index(List<StoredRecord> records) {
        for (StoredRecord record : records) {
            for (String name : record.fields().keySet()) {
                if (RESERVED.contains(name)) {
                    throw new IllegalArgumentException(
                            "field " + name + " is part of the record itself, not an extra field");
                }
            }
        }
        List<Indexed> indexed = new ArrayList<>(records.size());
        for (StoredRecord record : records) {
            indexed.add(index(record));
        }
        return indexed;
    }

    private Indexed index(StoredRecord record) {
        Map<String, Set<String>> terms = new HashMap<>();
        part(terms, "id", List.of(record.id()));
        part(terms, "set", record.sets());
        part(terms, "library", record.libraries());
        part(terms, "source", record.source() == null ? List.of() : List.of(record.source()));
        part(terms, "status", record.status() == null ? List.of() : List.of(record.status()));
        StoredRecord.Builder kept = StoredRecord.builder(record.id(), millis(record.datestamp()))
                .deleted(record.deleted())
                .source(record.source())
                .status(record.status())
                .xml(record.xml())
                .raw(record.raw());
        record.sets().forEach(kept::set);
        record.libraries().forEach(kept::library);
        for (var entry : record.fields().entrySet()) {
            if (entry.getValue().isEmpty()) {
                continue; // a field without values is no field to Solr
            }
            ConfigsetSchema.Field field = schema.field(entry.getKey());
            if (!field.multiValued() && entry.getValue().size() > 1) {
                throw new StoreException("field " + entry.getKey() + " takes one value, not "
                        + entry.getValue().size());
            }
            List<String> values =
                    entry.getValue().stream().map(field::normalise).toList();
            if (field.stored()) {
                kept.field(entry.getKey(), values);
            } else if (field.docValues()) {
                TreeSet<String> sorted = new TreeSet<>(CODE_POINTS);
                sorted.addAll(values);
                kept.field(entry.getKey(), sorted);
            }
            if (field.kind() == ConfigsetSchema.Kind.STRING && (field.indexed() || field.docValues())) {
                terms.computeIfAbsent(entry.getKey(), name -> new HashSet<>()).addAll(values);
            }
        }
        return new Indexed(kept.build(), Map.copyOf(terms));
    }

    /** Indexes a part of the record under its schema field, with that field's checks. */
    private void part(Map<String, Set<String>> terms, String name, Collection<String> values) {
        ConfigsetSchema.Field field = schema.field(name);
        Set<String> indexed = new HashSet<>();
        values.forEach(value -> indexed.add(field.normalise(value)));
        terms.put(name, indexed);
    }

    /** The rules of a string field; search on other fields (analysed text, numbers) is not modelled. */
    private ConfigsetSchema.Field stringField(String name) {
        ConfigsetSchema.Field field = schema.field(name);
        if (field.kind() != ConfigsetSchema.Kind.STRING) {
            throw new IllegalArgumentException("the in-memory store searches string fields only, not " + name);
        }
        return field;
    }

    private Indexed withNewVersion(Indexed record) {
        return new Indexed(record.record().withVersion(versions.incrementAndGet()), record.terms());
    }

    private static Instant millis(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS);
    }

    /** A cursor: the position of the last record of a page, opaque to callers. */
    private static String encode(RecordKey key) {
        String position = key.datestamp() + "\n" + key.id();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(position.getBytes(StandardCharsets.UTF_8));
    }

    private static RecordKey decode(String cursor) {
        try {
            String position = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int newline = position.indexOf('\n');
            return new RecordKey(Instant.parse(position.substring(0, newline)), position.substring(newline + 1));
        } catch (RuntimeException e) {
            throw new StoreException("not a cursor of this store: " + cursor, e);
        }
    }

    private <T> T read(Supplier<T> action) {
        lock.readLock().lock();
        try {
            requireOpen();
            return action.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    private <T> T write(Supplier<T> action) {
        lock.writeLock().lock();
        try {
            requireOpen();
            return action.get();
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new StoreException("the in-memory store is closed");
        }
    }
}
