package cn.edu.cashl.hub.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.edu.cashl.hub.testkit.TestData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The behaviour every {@link CatalogStore} must have. Each backend runs this whole suite through a
 * subclass that supplies a real store. Tests share a store, so each works in its own namespace: ids,
 * sources and sets all carry a fresh prefix.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class CatalogStoreContract {

    private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

    /** The store under test, open for the lifetime of the test class. */
    protected abstract CatalogStore store();

    private String run;

    @BeforeEach
    void newNamespace() {
        run = "t" + UUID.randomUUID().toString().substring(0, 8);
    }

    private StoredRecord.Builder record(String localId, Instant datestamp) {
        return StoredRecord.builder(run + ":" + localId, datestamp).source(run);
    }

    private RecordFilter mine() {
        return RecordFilter.ALL.withSource(run);
    }

    private List<String> walk(StoreCollection collection, RecordFilter filter, int pageSize) {
        List<String> ids = new ArrayList<>();
        String cursor = CatalogStore.FIRST_PAGE;
        int pages = 0;
        do {
            RecordPage page = store().list(collection, filter, cursor, pageSize);
            assertTrue(page.records().size() <= pageSize, "page larger than asked");
            page.records().forEach(r -> ids.add(r.id()));
            cursor = page.nextCursor();
            assertTrue(++pages < 10_000, "walk does not end");
        } while (cursor != null);
        return ids;
    }

    @Test
    void putThenGetReturnsEveryPartOfTheRecord() {
        String xml = "<record xmlns=\"https://ns.cashl.edu.cn/record/v1\">Müller 傲慢与偏见 &amp; \uD835\uDC00</record>";
        StoredRecord written = record("1", T0.plusMillis(1500))
                .deleted(false)
                .set("library:pku")
                .set("type:book")
                .library("pku")
                .library("fudan")
                .status("accepted")
                .xml(xml)
                .raw("<marc:record xmlns:marc=\"http://www.loc.gov/MARC21/slim\"/>")
                .field("title_t", "Pride and prejudice")
                .field("isbn_ss", "9780141439518", "0141439513")
                .build();
        store().put(StoreCollection.CATALOG, List.of(written));

        StoredRecord read = store().get(StoreCollection.CATALOG, written.id()).orElseThrow();
        assertEquals(written, read.withVersion(0));
        assertTrue(read.version() > 0, "a stored record has a version");
    }

    @Test
    void getSeesWritesBeforeCommit() {
        StoredRecord written = record("uncommitted", T0).build();
        store().put(StoreCollection.SOURCE, List.of(written));
        assertEquals(
                written,
                store().get(StoreCollection.SOURCE, written.id()).orElseThrow().withVersion(0));
    }

    @Test
    void getOfUnknownIdIsEmpty() {
        assertTrue(store().get(StoreCollection.CATALOG, run + ":absent").isEmpty());
    }

    @Test
    void putReplacesTheWholeRecord() {
        store().put(
                        StoreCollection.CATALOG,
                        List.of(record("1", T0)
                                .set("library:pku")
                                .library("pku")
                                .xml("<a/>")
                                .build()));
        StoredRecord second =
                record("1", T0.plusSeconds(60)).set("library:fudan").xml("<b/>").build();
        store().put(StoreCollection.CATALOG, List.of(second));
        store().commit();

        assertEquals(
                second,
                store().get(StoreCollection.CATALOG, second.id()).orElseThrow().withVersion(0));
        assertEquals(0, store().count(StoreCollection.CATALOG, mine().withSet("library:pku")));
        assertEquals(1, store().count(StoreCollection.CATALOG, mine()));
    }

    @Test
    void deleteRemovesTheRecordFromGetAndListings() {
        store().put(
                        StoreCollection.CATALOG,
                        List.of(record("1", T0).build(), record("2", T0).build()));
        store().commit();
        store().delete(StoreCollection.CATALOG, List.of(run + ":1", run + ":never-existed"));
        store().commit();

        assertTrue(store().get(StoreCollection.CATALOG, run + ":1").isEmpty());
        assertEquals(List.of(run + ":2"), walk(StoreCollection.CATALOG, mine(), 10));
    }

    @Test
    void collectionsAreIndependent() {
        store().put(
                        StoreCollection.SOURCE,
                        List.of(record("same", T0)
                                .status("accepted")
                                .raw("<raw/>")
                                .build()));
        store().put(
                        StoreCollection.CATALOG,
                        List.of(record("same", T0).xml("<master/>").build()));
        store().commit();
        store().delete(StoreCollection.SOURCE, List.of(run + ":same"));
        store().commit();

        assertTrue(store().get(StoreCollection.SOURCE, run + ":same").isEmpty());
        assertEquals(
                "<master/>",
                store().get(StoreCollection.CATALOG, run + ":same")
                        .orElseThrow()
                        .xml());
    }

    @Test
    void filtersBySetLibraryStatusAndDeletedFlag() {
        store().put(
                        StoreCollection.CATALOG,
                        List.of(
                                record("a", T0)
                                        .set("library:pku")
                                        .set("type:book")
                                        .library("pku")
                                        .status("accepted")
                                        .build(),
                                record("b", T0)
                                        .set("library:fudan")
                                        .set("type:book")
                                        .library("fudan")
                                        .status("filtered")
                                        .build(),
                                record("c", T0)
                                        .set("library:pku")
                                        .set("type:journal")
                                        .library("pku")
                                        .deleted(true)
                                        .build()));
        store().commit();

        assertEquals(List.of(run + ":a", run + ":c"), walk(StoreCollection.CATALOG, mine().withSet("library:pku"), 10));
        assertEquals(List.of(run + ":a", run + ":b"), walk(StoreCollection.CATALOG, mine().withSet("type:book"), 10));
        assertEquals(List.of(run + ":b"), walk(StoreCollection.CATALOG, mine().withLibrary("fudan"), 10));
        assertEquals(
                List.of(run + ":b"), walk(StoreCollection.CATALOG, mine().withStatus(SourceRecordStatus.FILTERED), 10));
        assertEquals(List.of(run + ":c"), walk(StoreCollection.CATALOG, mine().withDeleted(true), 10));
        assertEquals(List.of(run + ":a", run + ":b"), walk(StoreCollection.CATALOG, mine().withDeleted(false), 10));
        assertEquals(
                List.of(run + ":a"),
                walk(StoreCollection.CATALOG, mine().withSet("library:pku").withDeleted(false), 10));
        assertEquals(0, store().count(StoreCollection.CATALOG, mine().withSet("library:nobody")));
    }

    @Test
    void filterValuesNeedNoEscaping() {
        String awkward = "library:a b\"c)(*\\:}";
        store().put(
                        StoreCollection.CATALOG,
                        List.of(
                                record("x", T0).set(awkward).build(),
                                record("y", T0).set("library:a").build()));
        store().commit();
        assertEquals(List.of(run + ":x"), walk(StoreCollection.CATALOG, mine().withSet(awkward), 10));
    }

    @Test
    void dateRangeBoundsAreInclusive() {
        List<StoredRecord> records = new ArrayList<>();
        for (int day = 0; day < 10; day++) {
            records.add(record("d" + day, T0.plus(day, ChronoUnit.DAYS)).build());
        }
        store().put(StoreCollection.CATALOG, records);
        store().commit();

        RecordFilter range = mine().withFrom(T0.plus(2, ChronoUnit.DAYS)).withUntil(T0.plus(5, ChronoUnit.DAYS));
        assertEquals(
                List.of(run + ":d2", run + ":d3", run + ":d4", run + ":d5"), walk(StoreCollection.CATALOG, range, 3));
        assertEquals(3, store().count(StoreCollection.CATALOG, mine().withFrom(T0.plus(7, ChronoUnit.DAYS))));
        assertEquals(1, store().count(StoreCollection.CATALOG, mine().withUntil(T0)));
        assertEquals(
                1,
                store().count(
                                StoreCollection.CATALOG,
                                mine().withFrom(T0.plus(4, ChronoUnit.DAYS)).withUntil(T0.plus(4, ChronoUnit.DAYS))));
    }

    @Test
    void fullCursorWalkHasNoDuplicateAndNoGap() {
        // 2,503 records on 7 datestamps: most share a datestamp with hundreds of others, which is
        // where a walk without a unique tiebreak loses or repeats records.
        int n = 2503;
        List<StoredRecord> records = IntStream.range(0, n)
                .mapToObj(i -> record(String.format("%05d", (i * 7919) % n), T0.plusSeconds(i % 7))
                        .set("type:book")
                        .build())
                .toList();
        for (int from = 0; from < n; from += 500) {
            store().put(StoreCollection.CATALOG, records.subList(from, Math.min(n, from + 500)));
        }
        store().commit();

        List<String> walked = walk(StoreCollection.CATALOG, mine(), 100);
        assertEquals(n, walked.size(), "records walked");
        assertEquals(n, new HashSet<>(walked).size(), "duplicates in the walk");
        Set<String> expected = new HashSet<>();
        records.forEach(r -> expected.add(r.id()));
        assertEquals(expected, new HashSet<>(walked));

        List<String> ordered = records.stream()
                .sorted((a, b) -> a.datestamp().equals(b.datestamp())
                        ? a.id().compareTo(b.id())
                        : a.datestamp().compareTo(b.datestamp()))
                .map(StoredRecord::id)
                .toList();
        assertEquals(ordered, walked, "walk order is (datestamp, id)");
    }

    @Test
    void pageReportsTheTotalAndTheLastPageHasNoCursor() {
        store().put(
                        StoreCollection.CATALOG,
                        IntStream.range(0, 25)
                                .mapToObj(i -> record("r" + i, T0).build())
                                .toList());
        store().commit();

        RecordPage first = store().list(StoreCollection.CATALOG, mine(), CatalogStore.FIRST_PAGE, 10);
        assertEquals(25, first.total());
        assertEquals(10, first.records().size());
        assertNotNull(first.nextCursor());
        RecordPage second = store().list(StoreCollection.CATALOG, mine(), first.nextCursor(), 10);
        RecordPage third = store().list(StoreCollection.CATALOG, mine(), second.nextCursor(), 10);
        assertEquals(5, third.records().size());
        assertNull(third.nextCursor());
        assertTrue(third.isLast());
    }

    @Test
    void emptyListingIsOneLastPage() {
        RecordPage page = store().list(StoreCollection.CATALOG, mine(), CatalogStore.FIRST_PAGE, 10);
        assertTrue(page.records().isEmpty());
        assertTrue(page.isLast());
        assertEquals(0, page.total());
    }

    @Test
    void largeXmlIsStoredByteForByte() {
        // Well over Lucene's 32 KB term limit: would fail if the field were indexed.
        StringBuilder xml = new StringBuilder("<collection>");
        while (xml.length() < 200_000) {
            xml.append("<datafield tag=\"520\"><subfield code=\"a\">Ünïcödé 中文 summary text</subfield></datafield>\n");
        }
        xml.append("</collection>");
        store().put(
                        StoreCollection.SOURCE,
                        List.of(record("big", T0)
                                .raw(xml.toString())
                                .xml(xml.toString())
                                .build()));
        store().commit();

        StoredRecord read = store().get(StoreCollection.SOURCE, run + ":big").orElseThrow();
        assertEquals(xml.toString(), read.raw());
        assertEquals(xml.toString(), read.xml());
    }

    @Test
    void realHarvestedMarcXmlIsStoredByteForByte() throws Exception {
        String xml = Files.readString(
                TestData.file("marc/idzebra-loc-samples/collection-opera-43.xml"), StandardCharsets.UTF_8);
        assertTrue(xml.length() > 32 * 1024, "sample should exceed the term limit");
        store().put(StoreCollection.SOURCE, List.of(record("opera", T0).raw(xml).build()));

        assertEquals(
                xml,
                store().get(StoreCollection.SOURCE, run + ":opera")
                        .orElseThrow()
                        .raw());
    }

    @Test
    void reservedFieldNamesCannotBeUsedAsExtraFields() {
        StoredRecord bad = record("bad", T0).field("xml", "<x/>").build();
        assertThrows(IllegalArgumentException.class, () -> store().put(StoreCollection.CATALOG, List.of(bad)));
    }

    @Test
    void healthReportsBothCollectionsUp() {
        StoreHealth health = store().health();
        assertTrue(health.up(), health.toString());
        assertEquals(Set.of("source", "catalog"), health.collections().keySet());
        health.collections().values().forEach(c -> {
            assertTrue(c.up());
            assertNull(c.error());
            assertTrue(c.records() >= 0);
        });
        assertFalse(health.location().isBlank());
    }

    @Test
    void getOfManyIdsSeesUncommittedWritesAndCanLeaveOutTheXml() {
        List<StoredRecord> written = new ArrayList<>();
        for (int i = 0; i < 1_205; i++) {
            written.add(record("many-" + i, T0)
                    .xml("<x n=\"" + i + "\"/>")
                    .raw("<raw/>")
                    .field("master", run + ":m" + i)
                    .build());
        }
        store().put(StoreCollection.SOURCE, written);
        List<String> ids =
                new ArrayList<>(written.stream().map(StoredRecord::id).toList());
        ids.add(run + ":absent");

        var full = store().get(StoreCollection.SOURCE, ids, Projection.ALL);
        assertEquals(1_205, full.size(), "chunked reads see every record, not the absent one");
        assertEquals("<x n=\"7\"/>", full.get(run + ":many-7").xml());
        var headers = store().get(StoreCollection.SOURCE, ids, Projection.FIELDS);
        StoredRecord header = headers.get(run + ":many-7");
        assertNull(header.xml());
        assertNull(header.raw());
        assertEquals(run + ":m7", header.field("master"));
        assertEquals(full.get(run + ":many-7").version(), header.version());
        StoredRecord canonical =
                store().get(StoreCollection.SOURCE, ids, Projection.CANONICAL).get(run + ":many-7");
        assertEquals("<x n=\"7\"/>", canonical.xml());
        assertNull(canonical.raw());
        assertEquals(
                Set.of(run + ":many-3"),
                store().get(StoreCollection.SOURCE, List.of(run + ":many-3"), Projection.FIELDS)
                        .keySet(),
                "one id");
        assertTrue(store().get(StoreCollection.SOURCE, List.of(run + ":absent"), Projection.FIELDS)
                .isEmpty());
    }

    @Test
    void originsAreTheSingleValuedFieldsAsLastRefreshedElseAsWritten() {
        StoredRecord refreshed = record("o1", T0)
                .status("accepted")
                .xml("<x/>")
                .raw("<raw/>")
                .field(SourceField.LOCAL_ID.solrName(), "o1")
                .field(SourceField.FORMAT.solrName(), "MARC21")
                .field(SourceField.OAI_ID.solrName(), "oai:x:o1")
                .field(SourceField.REPAIRS.solrName(), "one", "two")
                .build();
        store().put(StoreCollection.SOURCE, List.of(refreshed));
        store().refresh();
        StoredRecord rewritten = record("o1", T0.plusSeconds(60))
                .field(SourceField.LOCAL_ID.solrName(), "o1")
                .field(SourceField.OAI_DATESTAMP.solrName(), "2024-02-01")
                .build();
        StoredRecord unrefreshed = record("o2", T0.plusSeconds(5))
                .field(SourceField.LOCAL_ID.solrName(), "o2")
                .build();
        store().put(StoreCollection.SOURCE, List.of(rewritten, unrefreshed));

        Map<String, StoredRecord> origins = store().get(
                        StoreCollection.SOURCE,
                        List.of(refreshed.id(), unrefreshed.id(), run + ":absent"),
                        Projection.ORIGINS);
        assertEquals(Set.of(refreshed.id(), unrefreshed.id()), origins.keySet());
        StoredRecord origin = origins.get(refreshed.id());
        assertEquals(T0, origin.datestamp(), "as of the last refresh");
        assertEquals(run, origin.source());
        assertEquals("o1", SourceField.LOCAL_ID.of(origin));
        assertEquals("MARC21", SourceField.FORMAT.of(origin));
        assertEquals("oai:x:o1", SourceField.OAI_ID.of(origin));
        assertNull(SourceField.OAI_DATESTAMP.of(origin));
        assertEquals(List.of(), SourceField.REPAIRS.valuesOf(origin), "multi-valued fields are not origins");
        assertNull(origin.xml());
        assertNull(origin.raw());
        assertNull(origin.status());
        assertEquals(T0.plusSeconds(5), origins.get(unrefreshed.id()).datestamp(), "as written, before a refresh");
        assertEquals("o2", SourceField.LOCAL_ID.of(origins.get(unrefreshed.id())));
    }

    @Test
    void conditionalWritesFailOnlyForTheRecordsChangedMeanwhile() {
        StoredRecord a = record("cas-a", T0).xml("<a1/>").build();
        StoredRecord b = record("cas-b", T0).xml("<b1/>").build();
        store().put(StoreCollection.CATALOG, List.of(a, b));
        var read = store().get(StoreCollection.CATALOG, List.of(a.id(), b.id()), Projection.ALL);

        // Someone else changes b after we read it.
        store().put(
                        StoreCollection.CATALOG,
                        List.of(record("cas-b", T0).xml("<b-other/>").build()));

        StoredRecord newA = record("cas-a", T0)
                .xml("<a2/>")
                .version(read.get(a.id()).version())
                .build();
        StoredRecord newB = record("cas-b", T0)
                .xml("<b2/>")
                .version(read.get(b.id()).version())
                .build();
        StoredRecord fresh = record("cas-new", T0).xml("<n/>").version(-1).build();
        StoredRecord taken = record("cas-a", T0).xml("<never/>").version(-1).build();
        assertEquals(Set.of(newB.id()), store().putIfVersion(StoreCollection.CATALOG, List.of(newA, newB, fresh)));
        assertEquals(Set.of(taken.id()), store().putIfVersion(StoreCollection.CATALOG, List.of(taken)));

        assertEquals(
                "<a2/>",
                store().get(StoreCollection.CATALOG, a.id()).orElseThrow().xml());
        assertEquals(
                "<b-other/>",
                store().get(StoreCollection.CATALOG, b.id()).orElseThrow().xml());
        assertEquals(
                "<n/>",
                store().get(StoreCollection.CATALOG, fresh.id()).orElseThrow().xml());
        StoredRecord unconditional = record("cas-b", T0).xml("<b3/>").build();
        assertTrue(store().putIfVersion(StoreCollection.CATALOG, List.of(unconditional))
                .isEmpty());
        assertEquals(
                "<b3/>",
                store().get(StoreCollection.CATALOG, b.id()).orElseThrow().xml());
    }

    @Test
    void findIdsMatchesAnyOfManyExactValuesAfterRefresh() {
        store().put(
                        StoreCollection.CATALOG,
                        List.of(
                                record("f1", T0)
                                        .field("member", run + ":x, with comma", run + ":y")
                                        .build(),
                                record("f2", T0).field("member", run + ":z").build(),
                                record("f3", T0).field("member", run + ":w").build()));
        List<String> values = new ArrayList<>();
        IntStream.range(0, 2_500).forEach(i -> values.add(run + ":absent-" + i));
        values.add(run + ":x, with comma");
        values.add(run + ":z");
        assertTrue(
                store().findIds(StoreCollection.CATALOG, "member", values, 100).isEmpty(),
                "not visible before a refresh");

        store().refresh();

        assertEquals(Set.of(run + ":f1", run + ":f2"), store().findIds(StoreCollection.CATALOG, "member", values, 100));
        assertEquals(
                1, store().findIds(StoreCollection.CATALOG, "member", values, 1).size());
    }

    @Test
    void listingsAndCountsSeeWritesAndDeletesOnlyAfterARefresh() {
        store().put(StoreCollection.CATALOG, List.of(record("a", T0).build()));
        store().refresh();
        store().put(StoreCollection.CATALOG, List.of(record("b", T0).build()));
        store().delete(StoreCollection.CATALOG, List.of(run + ":a"));

        assertEquals(List.of(run + ":a"), walk(StoreCollection.CATALOG, mine(), 10), "as of the last refresh");
        assertEquals(1, store().count(StoreCollection.CATALOG, mine()));
        assertTrue(store().get(StoreCollection.CATALOG, run + ":a").isEmpty(), "get sees the delete at once");
        store().refresh();
        assertEquals(List.of(run + ":b"), walk(StoreCollection.CATALOG, mine(), 10));
    }

    @Test
    void listAfterContinuesFromAPositionAndCountsWhatFollows() {
        store().put(
                        StoreCollection.CATALOG,
                        List.of(
                                record("e", T0).build(),
                                record("a", T0.plusSeconds(1)).build(),
                                record("b", T0).build(),
                                record("d", T0.plusSeconds(1)).build(),
                                record("c", T0).build()));
        store().refresh();

        RecordPage first = store().listAfter(StoreCollection.CATALOG, mine(), null, 2, Projection.ALL, true);
        assertEquals(List.of(run + ":b", run + ":c"), ids(first));
        assertEquals(5, first.total());
        assertNull(first.nextCursor());
        RecordPage rest = store().listAfter(
                        StoreCollection.CATALOG,
                        mine(),
                        RecordKey.of(first.records().get(1)),
                        10,
                        Projection.ALL,
                        true);
        assertEquals(List.of(run + ":e", run + ":a", run + ":d"), ids(rest));
        assertEquals(3, rest.total(), "the total counts the records after the position");
        RecordPage uncounted = store().listAfter(
                        StoreCollection.CATALOG, mine(), new RecordKey(T0, run + ":e"), 10, Projection.ALL, false);
        assertEquals(List.of(run + ":a", run + ":d"), ids(uncounted));
        assertEquals(-1, uncounted.total());

        // A record that changes moves to its new place; the others keep theirs.
        store().put(
                        StoreCollection.CATALOG,
                        List.of(record("b", T0.plusSeconds(2)).build()));
        store().refresh();
        assertEquals(
                List.of(run + ":e", run + ":a", run + ":d", run + ":b"),
                ids(store().listAfter(
                                StoreCollection.CATALOG,
                                mine(),
                                new RecordKey(T0, run + ":c"),
                                10,
                                Projection.ALL,
                                false)));
    }

    private static List<String> ids(RecordPage page) {
        return page.records().stream().map(StoredRecord::id).toList();
    }

    @Test
    void anOaiSetCoversTheSetsBelowItNowAndFormerly() {
        String top = run + " (x)*"; // a value that would be query syntax, unescaped
        store().put(
                        StoreCollection.CATALOG,
                        List.of(
                                record("below", T0).set(top + ":pku").build(),
                                record("itself", T0).set(top).build(),
                                record("prefix-only", T0).set(top + "y:pku").build(),
                                record("formerly", T0)
                                        .set("library:elsewhere")
                                        .field(RecordFilter.FORMER_SET, top + ":fudan")
                                        .build(),
                                record("unrelated", T0).set("library:elsewhere").build()));
        store().refresh();

        assertEquals(
                List.of(run + ":below", run + ":formerly", run + ":itself"),
                walk(StoreCollection.CATALOG, mine().withOaiSet(top), 10));
        assertEquals(List.of(run + ":below"), walk(StoreCollection.CATALOG, mine().withOaiSet(top + ":pku"), 10));
        assertEquals(List.of(run + ":formerly"), walk(StoreCollection.CATALOG, mine().withOaiSet(top + ":fudan"), 10));
        assertEquals(
                1,
                store().count(
                                StoreCollection.CATALOG,
                                mine().withOaiSet(top + ":fudan").withSet("library:elsewhere")));
    }

    @Test
    void termsCountEachValueMostFrequentFirst() {
        store().put(
                        StoreCollection.CATALOG,
                        List.of(
                                record("1", T0).set(run + ":x").set(run + ":y").build(),
                                record("2", T0).set(run + ":x").set(run + ":y").build(),
                                record("3", T0).set(run + ":x").build(),
                                record("4", T0).set(run + ":z").build()));
        store().refresh();

        Map<String, Long> mine = new LinkedHashMap<>();
        store().terms(StoreCollection.CATALOG, "set", 100_000).forEach((term, count) -> {
            if (term.startsWith(run)) {
                mine.put(term, count);
            }
        });
        assertEquals(List.of(run + ":x", run + ":y", run + ":z"), List.copyOf(mine.keySet()));
        assertEquals(List.of(3L, 2L, 1L), List.copyOf(mine.values()));
        assertEquals(2, store().terms(StoreCollection.CATALOG, "set", 2).size());
    }

    @Test
    void projectionsReadWhatTheyName() {
        StoredRecord written = record("p", T0)
                .set("library:x")
                .library("x")
                .status("accepted")
                .xml("<x/>")
                .raw("<raw/>")
                .field(RecordFilter.FORMER_SET, "library:y")
                .field("member", run + ":m1", run + ":m2")
                .field("content_hash", "h")
                .build();
        store().put(StoreCollection.CATALOG, List.of(written));
        store().refresh();

        for (Projection headers : List.of(Projection.HEADERS, Projection.PUBLISHED)) {
            StoredRecord header = store().get(StoreCollection.CATALOG, List.of(written.id()), headers)
                    .get(written.id());
            assertEquals(written.datestamp(), header.datestamp());
            assertEquals(written.sets(), header.sets());
            assertEquals(List.of("library:y"), header.values(RecordFilter.FORMER_SET));
            assertEquals(List.of(run + ":m1", run + ":m2"), header.values("member"));
            assertEquals(headers == Projection.PUBLISHED ? "<x/>" : null, header.xml());
            assertNull(header.raw());
            RecordPage listed = store().list(StoreCollection.CATALOG, mine(), CatalogStore.FIRST_PAGE, 10, headers);
            assertEquals(header, listed.records().get(0));
        }
        StoredRecord canonical = store().get(StoreCollection.CATALOG, List.of(written.id()), Projection.CANONICAL)
                .get(written.id());
        assertEquals("<x/>", canonical.xml());
        assertNull(canonical.raw());
        assertEquals("h", canonical.field("content_hash"));
        assertEquals(Set.of("x"), canonical.libraries());
        assertEquals("accepted", canonical.status());
    }

    @Test
    void indexedOnlyFieldsAreSearchableButNeverReadBack() {
        // Deduplication relies on it: a master record's match keys are found, never read.
        StoredRecord written = record("k", T0)
                .field("match_key", run + ":key")
                .field("member", run + ":m")
                .build();
        store().put(StoreCollection.CATALOG, List.of(written));
        store().refresh();

        assertEquals(
                Set.of(written.id()), store().findIds(StoreCollection.CATALOG, "match_key", List.of(run + ":key"), 10));
        assertNull(
                store().get(StoreCollection.CATALOG, written.id()).orElseThrow().field("match_key"));
        for (Projection projection : Projection.values()) {
            StoredRecord read = store().get(StoreCollection.CATALOG, List.of(written.id()), projection)
                    .get(written.id());
            assertNull(read.field("match_key"), projection.name());
            if (projection != Projection.ORIGINS) { // origins are source records' fields only
                assertEquals(run + ":m", read.field("member"), projection.name());
            }
        }
    }

    @Test
    void fieldsAndValuesTheConfigsetRefusesAreStoreExceptions() {
        assertThrows(
                StoreException.class,
                () -> store().put(
                                StoreCollection.CATALOG,
                                List.of(record("u", T0).field("undeclared", "x").build())));
        assertThrows(
                StoreException.class,
                () -> store().put(
                                StoreCollection.SOURCE,
                                List.of(record("m", T0)
                                        .field("master", "a", "b")
                                        .build())));
        assertThrows(
                StoreException.class,
                () -> store().put(
                                StoreCollection.SOURCE,
                                List.of(record("l", T0)
                                        .field("reason_s", "x".repeat(40_000))
                                        .build())));

        // A long value of a field that is stored only is no term: kept.
        store().put(
                        StoreCollection.SOURCE,
                        List.of(record("ok", T0)
                                .field("content_hash", "x".repeat(40_000))
                                .build()));
        assertEquals(
                40_000,
                store().get(StoreCollection.SOURCE, run + ":ok")
                        .orElseThrow()
                        .field("content_hash")
                        .length());
    }
}
