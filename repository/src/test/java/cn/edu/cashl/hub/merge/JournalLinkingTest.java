package cn.edu.cashl.hub.merge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.edu.cashl.hub.catalog.CatalogStore;
import cn.edu.cashl.hub.catalog.DatestampClock;
import cn.edu.cashl.hub.catalog.SearchFields;
import cn.edu.cashl.hub.catalog.StandardNumbers;
import cn.edu.cashl.hub.catalog.StoreCollection;
import cn.edu.cashl.hub.catalog.StoredRecord;
import cn.edu.cashl.hub.catalog.memory.InMemoryCatalogStore;
import cn.edu.cashl.hub.schema.CashlRecords;
import cn.edu.cashl.hub.schema.v1.CashlRecord;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every article's master record names its journal's master record ({@code isPartOf/@record}),
 * whichever arrives first, found by ISSN-L, print or online ISSN, then title. Each test uses its own
 * ISSNs and library codes, so the tests share one store: the in-memory one here, embedded Solr in
 * {@link JournalLinkingSolrTest}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JournalLinkingTest {

    private static final AtomicInteger RUN = new AtomicInteger();
    private static final Instant HARVESTED = Instant.parse("2026-03-01T08:00:00Z");

    private CatalogStore store;
    private UnionCatalog union;
    private final UnionCatalogTest.TestClock clock = new UnionCatalogTest.TestClock();
    private String lib;
    private String printIssn;
    private String onlineIssn;
    private String journalTitle;

    @BeforeAll
    void open() {
        store = openStore();
    }

    CatalogStore openStore() {
        return new InMemoryCatalogStore();
    }

    @AfterAll
    void close() {
        store.close();
    }

    @BeforeEach
    void fresh() {
        int run = RUN.incrementAndGet();
        lib = "j" + run;
        printIssn = issn(1000 + run * 2);
        onlineIssn = issn(1001 + run * 2);
        journalTitle = "Journal of linking studies " + run;
        union = new UnionCatalog(store, new DatestampClock(clock, null));
    }

    @Test
    void anArticleFindsTheJournalAlreadyThereByItsOnlineIssn() throws Exception {
        union.apply(List.of(journal("j1")));
        union.refresh();
        union.apply(List.of(article("a1", null, onlineIssn, "Rural markets")));
        assertEquals(lib + ":j1", journalOf(lib + ":a1"));
        assertEquals(
                List.of(lib + ":j1"),
                store.get(StoreCollection.CATALOG, lib + ":a1").orElseThrow().values(SearchFields.HOST_RECORD));
    }

    @Test
    void aJournalArrivingLaterLinksTheArticlesThatWaitedForIt() throws Exception {
        union.apply(List.of(article("a1", printIssn, null, "First"), article("a2", null, onlineIssn, "Second")));
        union.refresh();
        assertNull(journalOf(lib + ":a1"), "no journal yet: the article keeps its journal's title and ISSN only");
        Instant before =
                store.get(StoreCollection.CATALOG, lib + ":a1").orElseThrow().datestamp();
        clock.advance(60);

        union.apply(List.of(journal("j1")));
        assertEquals(lib + ":j1", journalOf(lib + ":a1"));
        assertEquals(lib + ":j1", journalOf(lib + ":a2"));
        assertEquals(2, union.stats().linkedArticles);
        assertTrue(
                store.get(StoreCollection.CATALOG, lib + ":a1")
                        .orElseThrow()
                        .datestamp()
                        .isAfter(before),
                "harvesters see the linked article again");
    }

    @Test
    void aJournalAndItsArticleInOneBatchOrBeforeAnyRefreshAreLinked() throws Exception {
        union.apply(List.of(article("a1", printIssn, null, "Together")));
        union.apply(List.of(journal("j1"), article("a2", null, onlineIssn, "In the same batch")));
        assertEquals(lib + ":j1", journalOf(lib + ":a1"), "found among this writer's unrefreshed writes");
        assertEquals(lib + ":j1", journalOf(lib + ":a2"));
    }

    @Test
    void withoutAnIssnTheJournalTitleDecides() throws Exception {
        union.apply(List.of(journal("j1")));
        union.refresh();
        union.apply(List.of(article("a1", null, null, "Untitled issue")));
        assertEquals(lib + ":j1", journalOf(lib + ":a1"));
    }

    @Test
    void anArticleOfAnotherJournalStaysUnlinked() throws Exception {
        union.apply(List.of(journal("j1")));
        union.refresh();
        union.apply(List.of(article("a1", issn(999_999), null, "Elsewhere")));
        assertNull(journalOf(lib + ":a1"));
    }

    private String journalOf(String master) throws Exception {
        StoredRecord stored = store.get(StoreCollection.CATALOG, master).orElseThrow();
        CashlRecord record = CashlRecords.get().read(stored.xml()); // validates the link too
        return record.getIsPartOf().getRecord();
    }

    private SourceChange journal(String localId) throws Exception {
        return change(
                localId,
                "<record xmlns=\"https://ns.cashl.edu.cn/record/v1\" id=\"" + lib + ":" + localId
                        + "\" type=\"journal\"><identifiers><issn>" + printIssn + "</issn><issn>" + onlineIssn
                        + "</issn></identifiers><title><main>" + journalTitle + "</main></title>"
                        + "<discipline>hss</discipline><holding library=\"" + lib + "\" localId=\"" + localId
                        + "\" form=\"print\"/></record>");
    }

    private SourceChange article(String localId, String issn, String eissn, String title) throws Exception {
        return change(
                localId,
                "<record xmlns=\"https://ns.cashl.edu.cn/record/v1\" id=\"" + lib + ":" + localId
                        + "\" type=\"article\"><identifiers/><title><main>" + title + " " + lib + "</main></title>"
                        + "<isPartOf><title>" + journalTitle + "</title>"
                        + (issn == null ? "" : "<issn>" + issn + "</issn>")
                        + (eissn == null ? "" : "<eissn>" + eissn + "</eissn>")
                        + "<volume>1</volume><pages>" + localId.hashCode() % 1000 + "</pages></isPartOf>"
                        + "<discipline>hss</discipline></record>");
    }

    private SourceChange change(String localId, String xml) throws Exception {
        CashlRecord record = CashlRecords.get().read(xml);
        return SourceChange.accepted(
                StoredRecord.builder(lib + ":" + localId, HARVESTED)
                        .source(lib)
                        .status("accepted")
                        .xml(xml)
                        .build(),
                record);
    }

    /** A valid ISSN made from a number. */
    static String issn(int n) {
        return StandardNumbers.issnWithCheck(String.format("%07d", n));
    }
}
