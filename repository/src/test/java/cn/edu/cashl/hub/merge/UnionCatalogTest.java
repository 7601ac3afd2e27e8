package cn.edu.cashl.hub.merge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.edu.cashl.hub.catalog.CatalogStore;
import cn.edu.cashl.hub.catalog.DatestampClock;
import cn.edu.cashl.hub.catalog.RecordFilter;
import cn.edu.cashl.hub.catalog.SearchFields;
import cn.edu.cashl.hub.catalog.StoreCollection;
import cn.edu.cashl.hub.catalog.StoredRecord;
import cn.edu.cashl.hub.catalog.memory.InMemoryCatalogStore;
import cn.edu.cashl.hub.schema.CashlRecords;
import cn.edu.cashl.hub.schema.v1.CashlRecord;
import cn.edu.cashl.hub.schema.v1.Holding;
import cn.edu.cashl.hub.schema.v1.Provenance;
import cn.edu.cashl.hub.schema.v1.Relation;
import cn.edu.cashl.hub.schema.v1.RelationType;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The union catalogue: clusters, merging, stable ids, incremental re-evaluation, datestamps, and two
 * writers changing one cluster at once. Each test uses its own library codes and ISBNs, so the tests
 * share one store: the in-memory one here, real embedded Solr in {@link UnionCatalogSolrTest}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UnionCatalogTest {

    private static final AtomicInteger RUN = new AtomicInteger();

    private CatalogStore store;
    private final TestClock clock = new TestClock();
    private UnionCatalog union;
    /** Library codes of this test: a, b, c, d with the test's number. */
    private String a;

    private String b;
    private String c;
    private String d;
    /** Valid ISBN-13s of this test. */
    private String isbn1;

    private String isbn2;
    private String isbn3;

    @BeforeAll
    void open() {
        store = openStore();
    }

    /** The store the tests share, opened once for the class. */
    CatalogStore openStore() {
        return new InMemoryCatalogStore();
    }

    @AfterAll
    void close() {
        store.close();
    }

    @BeforeEach
    void newTest() {
        int run = RUN.incrementAndGet();
        a = "a" + run;
        b = "b" + run;
        c = "c" + run;
        d = "d" + run;
        isbn1 = isbn(run * 10 + 1);
        isbn2 = isbn(run * 10 + 2);
        isbn3 = isbn(run * 10 + 3);
        union = new UnionCatalog(store, new DatestampClock(clock, null));
    }

    /** A record of this test: the default title carries the test's number, so tests never match each other. */
    private Books book(String library, String localId) {
        return Books.book(library, localId).title("Pride and prejudice " + isbn1);
    }

    /** A valid ISBN-13 made from a number. */
    static String isbn(int n) {
        String twelve = "978" + String.format("%09d", n);
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (twelve.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
        }
        return twelve + (10 - sum % 10) % 10;
    }

    private StoredRecord master(String id) {
        return store.get(StoreCollection.CATALOG, id).orElseThrow(() -> new AssertionError("no master record " + id));
    }

    private CashlRecord content(String id) throws Exception {
        StoredRecord master = master(id);
        assertFalse(master.deleted(), id + " is deleted");
        return CashlRecords.get().read(master.xml()); // also validates it against the schema
    }

    private static Set<String> holdings(CashlRecord record) {
        Set<String> holdings = new TreeSet<>();
        record.getHolding().forEach((Holding h) -> holdings.add(h.getLibrary() + "/" + h.getLocalId()));
        return holdings;
    }

    private String masterOf(String sourceId) {
        return store.get(StoreCollection.SOURCE, sourceId).orElseThrow().field(CatalogFields.MASTER);
    }

    @Test
    void theSameBookFromTwoLibrariesIsOneMasterRecordWithBothHoldings() throws Exception {
        union.apply(List.of(book(a, "1").isbn(isbn1).callNumber("PR4034 .P7").accepted()));
        union.apply(List.of(
                book(b, "77").isbn(isbn1).subject("Courtship -- Fiction").accepted()));

        String id = a + ":1";
        assertEquals(id, masterOf(b + ":77"), "the newcomer joins the first record's master record");
        CashlRecord merged = content(id);
        assertEquals(id, merged.getId());
        assertEquals(Set.of(a + "/1", b + "/77"), holdings(merged));
        assertEquals(
                List.of(a, b),
                merged.getProvenance().stream().map(Provenance::getSource).toList());
        assertEquals(1, merged.getSubject().size(), "subjects are unioned");
        assertEquals(
                Set.of("library:" + a, "library:" + b, "type:book"), master(id).sets());
        assertEquals(Set.of(a + ":1", b + ":77"), Set.copyOf(master(id).values(CatalogFields.MEMBER)));
        assertTrue(store.get(StoreCollection.CATALOG, b + ":77").isEmpty(), "no master record of its own");
    }

    @Test
    void electronicHoldingsGiveTheMasterRecordItsAccessFacetAndSets() throws Exception {
        union.apply(List.of(book(a, "e1")
                .isbn(isbn1)
                .electronic()
                .url("https://e.example/" + a)
                .accepted()));
        String id = a + ":e1";
        assertEquals(
                Set.of("library:" + a, "type:ebook", "access:online"),
                master(id).sets());
        assertEquals(List.of("online"), master(id).values(SearchFields.ACCESS));

        clock.advance(60);
        union.apply(List.of(book(b, "e1")
                .isbn(isbn1)
                .openAccess()
                .url("https://oa.example/" + b)
                .accepted()));
        assertEquals(id, masterOf(b + ":e1"), "the open-access copy joins the licensed one");
        assertEquals(
                Set.of("library:" + a, "library:" + b, "type:ebook", "access:online", "access:openAccess"),
                master(id).sets());
        assertEquals(List.of("online", "openAccess"), master(id).values(SearchFields.ACCESS));
        union.refresh();
        assertTrue(store.findIds(StoreCollection.CATALOG, SearchFields.ACCESS, List.of("openAccess"), 100_000)
                .contains(id));

        union.apply(List.of(book(c, "p1").isbn(isbn2).title("Emma " + isbn2).accepted()));
        StoredRecord print = master(c + ":p1");
        assertEquals(List.of("print"), print.values(SearchFields.ACCESS));
        assertEquals(Set.of("library:" + c, "type:book"), print.sets(), "print is in no access set");

        // The open-access copy goes: the record leaves access:openAccess, and harvests of it learn so.
        clock.advance(60);
        union.apply(List.of(book(b, "e1").deleted()));
        StoredRecord left = master(id);
        assertEquals(Set.of("library:" + a, "type:ebook", "access:online"), left.sets());
        assertEquals(List.of("online"), left.values(SearchFields.ACCESS));
        assertEquals(clock.instant(), left.datestamp(), "leaving a set changes the datestamp");
        assertTrue(left.values(CatalogFields.FORMER_SET).contains("access:openAccess"));
        union.refresh();
        RecordFilter atA = RecordFilter.ALL.withLibrary(a);
        assertEquals(0, store.count(StoreCollection.CATALOG, atA.withSet("access:openAccess")));
        assertEquals(1, store.count(StoreCollection.CATALOG, atA.withOaiSet("access:openAccess")), "formerly");
        assertEquals(1, store.count(StoreCollection.CATALOG, atA.withOaiSet("access")), "the parent set");
    }

    @Test
    void oneBatchWithBothCopiesMakesOneMasterRecord() throws Exception {
        union.apply(List.of(
                book(b, "5").isbn(isbn1).accepted(), book(a, "9").isbn(isbn1).accepted()));
        assertEquals(masterOf(a + ":9"), masterOf(b + ":5"));
        assertEquals(Set.of(a + "/9", b + "/5"), holdings(content(masterOf(a + ":9"))));
    }

    @Test
    void aLaterWriterFindsTheMasterRecordThroughTheIndex() throws Exception {
        union.apply(List.of(book(a, "1").isbn(isbn1).accepted()));
        store.commit();
        new UnionCatalog(store, new DatestampClock(clock, null))
                .apply(List.of(book(b, "1").isbn(isbn1).accepted()));
        assertEquals(Set.of(a + "/1", b + "/1"), holdings(content(a + ":1")));
    }

    @Test
    void titleAuthorYearMatchRecordsWithoutIdentifiers() throws Exception {
        union.apply(List.of(book(a, "1")
                .title("The history of " + a)
                .author("Gibbon, Edward")
                .year("1776")
                .accepted()));
        union.apply(List.of(book(b, "1")
                .title("History of " + a.toUpperCase() + ".")
                .author("GIBBON, Edward, 1737-1794")
                .year("1776")
                .accepted()));
        union.apply(List.of(book(c, "1")
                .title("The history of " + a)
                .author("Gibbon, Edward")
                .year("1777")
                .accepted()));
        assertEquals(a + ":1", masterOf(b + ":1"));
        assertEquals(c + ":1", masterOf(c + ":1"), "another year is another edition");
    }

    @Test
    void anUnchangedRecordChangesNothing() throws Exception {
        union.apply(List.of(
                book(a, "1").isbn(isbn1).accepted(), book(b, "1").isbn(isbn1).accepted()));
        StoredRecord before = master(masterOf(a + ":1"));
        clock.advance(3600);
        MergeStats stats = union.stats();

        union.apply(List.of(book(a, "1").isbn(isbn1).accepted()));

        assertEquals(stats.unchangedSources + 1, union.stats().unchangedSources);
        StoredRecord after = master(before.id());
        assertEquals(before.datestamp(), after.datestamp());
        assertEquals(before.version(), after.version(), "not even rewritten");
    }

    @Test
    void aThirdSourceChangesOnlyTheMasterRecordsItTouchesAndTheirDatestamps() throws Exception {
        union.apply(List.of(
                book(a, "1").isbn(isbn1).accepted(),
                book(b, "1").isbn(isbn1).accepted(),
                book(a, "2").isbn(isbn2).title("Emma").accepted(),
                book(b, "2").isbn(isbn2).title("Emma").accepted()));
        String pride = masterOf(a + ":1");
        String emma = masterOf(a + ":2");
        Instant first = master(pride).datestamp();
        assertEquals(first, master(emma).datestamp());
        clock.advance(60);

        union.apply(List.of(book(c, "1").isbn(isbn1).accepted()));

        assertEquals(Set.of(a + "/1", b + "/1", c + "/1"), holdings(content(pride)));
        assertEquals(first.plusSeconds(60), master(pride).datestamp());
        assertEquals(first, master(emma).datestamp(), "an untouched master record keeps its datestamp");
    }

    @Test
    void aMasterRecordKeepsItsIdWhenMembersComeAndGoAndIsDeletedWithTheLast() throws Exception {
        union.apply(List.of(book(a, "1").isbn(isbn1).accepted()));
        union.apply(List.of(
                book(b, "1").isbn(isbn1).accepted(), book(c, "1").isbn(isbn1).accepted()));
        String id = a + ":1";

        union.apply(List.of(book(a, "1").isbn(isbn1).filtered()));
        assertEquals(Set.of(b + "/1", c + "/1"), holdings(content(id)), "the founder left, the id stays");
        assertNull(masterOf(a + ":1"));

        union.apply(List.of(book(b, "1").deleted()));
        assertEquals(Set.of(c + "/1"), holdings(content(id)));
        assertTrue(store.get(StoreCollection.SOURCE, b + ":1").isEmpty());

        clock.advance(60);
        union.apply(List.of(book(c, "1").deleted()));
        StoredRecord tombstone = master(id);
        assertTrue(tombstone.deleted());
        assertEquals(clock.instant(), tombstone.datestamp());
        assertTrue(tombstone.sets().contains("library:" + c), "a deleted record stays in its sets");
        assertNull(tombstone.field(CatalogFields.REPLACED_BY));
        store.commit();
        assertEquals(
                0,
                store.count(
                        StoreCollection.CATALOG, RecordFilter.ALL.withLibrary(c).withDeleted(false)));

        union.apply(List.of(book(d, "1").isbn(isbn1).accepted()));
        assertEquals(d + ":1", masterOf(d + ":1"), "a newcomer starts a master record of its own");
    }

    @Test
    void clustersThatTurnOutToBeOneKeepOneIdAndTheOtherPointsToIt() throws Exception {
        union.apply(List.of(book(a, "1").isbn(isbn1).accepted()));
        union.apply(List.of(
                book(b, "1").isbn(isbn2).accepted(), book(b, "2").isbn(isbn2).accepted()));
        String small = a + ":1";
        String large = b + ":1";
        assertNotEquals(masterOf(small), masterOf(b + ":2"), "different ISBNs are different editions");
        clock.advance(60);

        // A record with both ISBNs (say, the paperback and the hardback) joins them.
        union.apply(List.of(book(c, "1").isbn(isbn1, isbn2).accepted()));

        assertEquals(
                Set.of(a + "/1", b + "/1", b + "/2", c + "/1"),
                holdings(content(large)),
                "the larger cluster's id survives");
        StoredRecord retired = master(small);
        assertTrue(retired.deleted());
        assertEquals(large, retired.field(CatalogFields.REPLACED_BY));

        // Without the bridge the cluster splits again: the larger part keeps the id, the other gets a new one.
        union.apply(List.of(book(c, "1").deleted()));
        assertEquals(Set.of(b + "/1", b + "/2"), holdings(content(large)));
        String split = masterOf(a + ":1");
        assertNotEquals(large, split);
        assertEquals(Set.of(a + "/1"), holdings(content(split)));
        assertTrue(master(small).deleted(), "a replaced id is not reused");
    }

    @Test
    void volumesOfOneSetStayApart() throws Exception {
        union.apply(List.of(
                book(a, "1").isbn(isbn1).title("Collected works").volume("v. 1").accepted(),
                book(a, "2").isbn(isbn1).title("Collected works").volume("v. 2").accepted(),
                book(b, "1")
                        .isbn(isbn1)
                        .title("Collected works")
                        .volume("Vol. 2")
                        .accepted()));
        assertNotEquals(masterOf(a + ":1"), masterOf(a + ":2"));
        assertEquals(masterOf(a + ":2"), masterOf(b + ":1"));
    }

    @Test
    void anInvalidIsbnJoinsNothing() throws Exception {
        union.apply(List.of(
                book(a, "1").invalidIsbn("9780000000001").title("Alpha " + a).accepted(),
                book(b, "1").invalidIsbn("9780000000001").title("Beta " + b).accepted()));
        assertNotEquals(masterOf(a + ":1"), masterOf(b + ":1"));
    }

    @Test
    void printAndElectronicAreSeparateMasterRecordsThatLinkToEachOther() throws Exception {
        union.apply(List.of(book(a, "1").isbn(isbn1).accepted()));
        union.apply(List.of(book(b, "1").isbn(isbn3).electronic().accepted()));
        String print = masterOf(a + ":1");
        String ebook = masterOf(b + ":1");
        assertNotEquals(print, ebook);
        assertEquals(List.of(ebook), otherFormats(content(print)));
        assertEquals(List.of(print), otherFormats(content(ebook)));

        union.apply(List.of(book(a, "1").deleted()));
        assertTrue(master(print).deleted());
        assertEquals(List.of(), otherFormats(content(ebook)), "no link to a deleted record");
    }

    private static List<String> otherFormats(CashlRecord record) {
        return record.getRelation().stream()
                .filter(r -> r.getType() == RelationType.OTHER_FORMAT)
                .map(Relation::getTarget)
                .toList();
    }

    @Test
    void twoWritersAddingToOneClusterAtOnceLoseNoHolding() throws Exception {
        union.apply(List.of(book(a, "0").isbn(isbn1).accepted()));
        store.commit();
        String id = a + ":0";
        int rounds = 40;
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<MergeStats>> writers = new ArrayList<>();
            for (String library : List.of(b, c)) {
                UnionCatalog writer =
                        new UnionCatalog(store, new DatestampClock(clock, null)); // as two harvests, or two hub nodes
                Callable<MergeStats> task = () -> {
                    for (int i = 1; i <= rounds; i++) {
                        writer.apply(List.of(
                                book(library, String.valueOf(i)).isbn(isbn1).accepted()));
                        if (i % 10 == 0) {
                            // ...and some leave again while the other writer adds.
                            writer.apply(
                                    List.of(book(library, String.valueOf(i - 5)).deleted()));
                        }
                    }
                    return writer.stats();
                };
                writers.add(threads.submit(task));
            }
            long conflicts = 0;
            for (Future<MergeStats> writer : writers) {
                conflicts += writer.get().conflicts;
            }
            System.out.println("concurrent writers: " + conflicts + " conflicting batches redone");
        } finally {
            threads.shutdownNow();
        }

        Set<String> expected = new TreeSet<>();
        expected.add(a + "/0");
        for (String library : List.of(b, c)) {
            for (int i = 1; i <= rounds; i++) {
                if (i % 10 != 5) {
                    expected.add(library + "/" + i);
                }
            }
        }
        assertEquals(expected, holdings(content(id)));
        assertEquals(expected.size(), master(id).values(CatalogFields.MEMBER).size());
        store.commit();
        assertEquals(
                1,
                store.count(
                        StoreCollection.CATALOG, RecordFilter.ALL.withLibrary(b).withDeleted(false)),
                "one master record for the title, no stray duplicate");
    }

    /** A clock the tests move by hand. */
    static final class TestClock extends Clock {
        private Instant now = Instant.parse("2026-03-01T08:00:00Z");

        void advance(long seconds) {
            now = now.plusSeconds(seconds);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
