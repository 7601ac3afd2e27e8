package cn.edu.cashl.hub.resolver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.edu.cashl.hub.catalog.CatalogSearch;
import cn.edu.cashl.hub.catalog.StoreCollection;
import cn.edu.cashl.hub.catalog.StoreException;
import cn.edu.cashl.hub.catalog.StoredRecord;
import cn.edu.cashl.hub.catalog.solr.SolrCatalogStore;
import cn.edu.cashl.hub.catalog.solr.SolrSettings;
import cn.edu.cashl.hub.catalog.solr.SolrStores;
import cn.edu.cashl.hub.merge.SearchDocs;
import cn.edu.cashl.hub.openurl.OpenUrlRequest;
import cn.edu.cashl.hub.schema.CashlRecords;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Finding the records a citation names, on embedded Solr with the catalogue's own search fields:
 * by DOI (an article, and the journal it is part of), print and online ISSN, ISBN, then by title,
 * exact and capped; and the resolver over it, from request to ranked answer.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CatalogLookupTest {

    @TempDir
    static Path dir;

    private SolrCatalogStore store;

    @BeforeAll
    void fill() throws Exception {
        store = SolrStores.open(SolrSettings.EMBEDDED, dir);
        List<StoredRecord> masters = new ArrayList<>();
        masters.add(master(
                "m-aer",
                "journal",
                "<identifiers><issn>0002-8282</issn></identifiers><title><main>The American economic review</main>"
                        + "</title><discipline>hss</discipline>" + Fixtures.print("whu", "F0 A512")
                        + String.join("", Fixtures.jstor("pku"))));
        masters.add(master(
                "m-aer-e",
                "ejournal",
                "<identifiers><issn>1944-7981</issn></identifiers><title><main>The American Economic Review</main>"
                        + "</title><discipline>hss</discipline>"));
        masters.add(master(
                "m-art",
                "article",
                "<identifiers><doi>10.1257/aer.100.2.1</doi></identifiers><title><main>Growth in a time of debt</main>"
                        + "</title><isPartOf><title>The American economic review</title><issn>0002-8282</issn>"
                        + "<volume>100</volume></isPartOf><discipline>hss</discipline>"));
        masters.add(master(
                "m-art2",
                "article",
                "<identifiers><doi>10.9999/joe.1</doi></identifiers><title><main>An open article</main></title>"
                        + "<isPartOf><title>Journal of open economics</title></isPartOf><discipline>hss</discipline>"));
        masters.add(master(
                "m-art3",
                "article",
                "<identifiers/><title><main>Debt and growth revisited</main></title>"
                        + "<isPartOf><title>AER</title><eissn>1944-7981</eissn><volume>101</volume></isPartOf>"
                        + "<discipline>hss</discipline>"));
        masters.add(master(
                "m-art4",
                "article",
                "<identifiers/><title><main>A linked article</main></title>"
                        + "<isPartOf record=\"m-aer\"><title>American economic review</title><volume>102</volume>"
                        + "</isPartOf><discipline>hss</discipline>"));
        masters.add(master(
                "m-joe",
                "ejournal",
                "<identifiers><issn>2000-0001</issn></identifiers><title><main>Journal of open economics</main>"
                        + "</title><discipline>hss</discipline>"));
        masters.add(master(
                "m-book",
                "book",
                "<identifiers><isbn>9780715630402</isbn></identifiers><title><main>Property and wealth in classical"
                        + " Sparta</main></title><discipline>hss</discipline>" + Fixtures.print("ecnu", "K125")));
        masters.add(master(
                "m-book2",
                "book",
                "<identifiers/><title><main>Property and wealth in classical Sparta</main><sub>a study</sub></title>"
                        + "<discipline>hss</discipline>"));
        masters.add(master(
                "m-sparta", "book", "<identifiers/><title><main>Sparta</main></title><discipline>hss</discipline>"));
        for (int i = 1; i <= 8; i++) {
            masters.add(master(
                    "m-econ" + i,
                    "journal",
                    "<identifiers/><title><main>Economics</main></title><discipline>hss</discipline>"));
        }
        store.put(StoreCollection.CATALOG, masters);
        store.commit();
    }

    private static StoredRecord master(String id, String type, String body) throws Exception {
        String xml = "<record xmlns=\"https://ns.cashl.edu.cn/record/v1\" id=\"" + id + "\" type=\"" + type
                + "\" schemaVersion=\"1.1\">" + body + "</record>";
        StoredRecord.Builder master =
                StoredRecord.builder(id, Instant.parse("2026-01-01T00:00:00Z")).xml(xml);
        SearchDocs.addTo(master, CashlRecords.get().read(xml));
        return master.build();
    }

    @AfterAll
    void close() {
        store.close();
    }

    private List<String> ids(String kev) {
        return new CatalogLookup(store)
                .find(OpenUrlRequest.parse(kev)).matches().stream()
                        .map(Match::id)
                        .toList();
    }

    @Test
    void aDoiFindsTheArticleAndTheJournalItIsPartOf() {
        assertEquals(List.of("m-art", "m-aer"), ids("rft_id=info:doi/10.1257/AER.100.2.1&rft.genre=article"));
        assertEquals(
                List.of("m-art2", "m-joe"),
                ids("id=doi:10.9999/joe.1"),
                "a host without an ISSN: its journal by title");
    }

    @Test
    void theHubsOwnArticleRecordBringsItsJournal() {
        assertEquals(
                List.of("m-art4", "m-aer"),
                ids("rft_id=info:oai/oai:hub.cashl.edu.cn:m-art4&library=pku"),
                "the journal the union catalogue linked");
        assertEquals(
                List.of("m-art3", "m-aer-e"),
                ids("rft_id=info:oai/oai:hub.cashl.edu.cn:m-art3"),
                "an article that knows only the online ISSN: the electronic journal's record");
        assertEquals(List.of("m-book"), ids("rft_id=info:oai/oai:hub.cashl.edu.cn:m-book"));
        assertEquals(List.of(), ids("rft_id=info:oai/oai:hub.cashl.edu.cn:nothing"));
    }

    @Test
    void printAndOnlineIssnsFindEachEdition() {
        assertEquals(List.of("m-aer", "m-aer-e"), sorted(ids("issn=00028282&eissn=1944-7981")));
        assertEquals(List.of("m-aer"), ids("rft.issn=0002-8282"));
    }

    @Test
    void anIsbnTenFindsTheBookByItsIsbnThirteen() {
        assertEquals(List.of("m-book"), ids("rft.genre=book&rft.isbn=0-7156-3040-7"));
    }

    @Test
    void aTitleFindsOnlyRecordsOfThatTitleAndKind() {
        assertEquals(
                List.of("m-aer", "m-aer-e"),
                sorted(ids("rft.genre=article&rft.jtitle=American Economic Review&rft.date=2010")),
                "the leading article, case and punctuation aside");
        assertEquals(List.of(), ids("rft.genre=article&rft.jtitle=American Economic"), "a part of a title is not it");
        assertEquals(
                List.of("m-book", "m-book2"),
                sorted(ids("rft.genre=book&rft.btitle=Property and wealth in classical Sparta /")),
                "the title with or without its subtitle");
        assertEquals(List.of(), ids("rft.genre=journal&rft.title=Sparta"), "a journal is not a book");
        assertEquals(List.of("m-sparta"), ids("rft.genre=book&rft.btitle=Sparta"));
        assertEquals(
                CatalogLookup.MAX_TITLE_MATCHES,
                ids("rft.genre=journal&rft.jtitle=Economics").size());
    }

    @Test
    void anUnknownIdentifierFallsBackToTheTitle() {
        assertEquals(
                List.of("m-aer", "m-aer-e"),
                sorted(ids("rft.issn=1234-5679&rft.jtitle=The American economic review&rft.genre=article")));
        assertEquals(List.of(), ids("rft.issn=1234-5679"));
    }

    @Test
    void theResolverAnswersForAnArticleRecordThroughItsJournal() {
        Resolver resolver = new Resolver(
                store,
                () -> Fixtures.DIRECTORY,
                LenderWeights.uniform(),
                LinkTemplates.shipped(),
                Clock.fixed(Instant.parse("2026-06-15T08:00:00Z"), ZoneOffset.UTC));
        Resolution resolution =
                resolver.resolve(OpenUrlRequest.parse("rft_id=info:oai/oai:hub.cashl.edu.cn:m-art&library=pku"));
        assertEquals(
                List.of("m-art", "m-aer"),
                resolution.matches().stream().map(Match::id).toList());
        assertEquals("article", resolution.request().genre(), "the citation is the record's");
        assertEquals("100", resolution.request().volume());
        assertEquals("Growth in a time of debt", resolution.request().articleTitle());
        assertEquals(
                List.of("electronic", "print-delivery", "ill"),
                resolution.options().stream().map(o -> o.kind().code()).toList(),
                "the journal's holdings, by their coverage of volume 100");
    }

    @Test
    void theResolverRanksWhatTheLookupFinds() {
        Resolver resolver = new Resolver(
                store,
                () -> Fixtures.DIRECTORY,
                LenderWeights.uniform(),
                LinkTemplates.shipped(),
                Clock.fixed(Instant.parse("2026-06-15T08:00:00Z"), ZoneOffset.UTC));
        Resolution resolution = resolver.resolve(OpenUrlRequest.parse(
                "rft_id=info:doi/10.1257/aer.100.2.1&rft.date=2010.&rft.volume=100&rft.spage=1&req_id=info:cashl/pku"));
        assertEquals("pku", resolution.home().code());
        assertEquals(
                List.of("m-art", "m-aer"),
                resolution.matches().stream().map(Match::id).toList());
        assertEquals("2010", resolution.citation().date().partialDate(), "2010. read as the year");
        assertTrue(
                resolution.notes().contains("the date '2010.' was read as the year 2010"),
                resolution.notes().toString());
        assertEquals(
                List.of("electronic", "print-delivery", "ill"),
                resolution.options().stream().map(o -> o.kind().code()).toList());
        assertEquals(
                Fixtures.PKU_PROXY + "https://www.jstor.org/openurl?issn=0002-8282&volume=100&spage=1",
                resolution.best().url(),
                "the journal's ISSN from its record: the citation gave none");
        assertNull(resolution.problem());

        Resolution empty = resolver.resolve(OpenUrlRequest.parse(""));
        assertEquals(Problem.EMPTY, empty.problem());
        assertEquals(List.of(), empty.options());
        assertEquals(
                Problem.NOTHING_TO_LOOK_FOR,
                resolver.resolve(OpenUrlRequest.parse("rft.genre=article&rft.date=2001&library=pku"))
                        .problem());
        Resolution stranger = resolver.resolve(OpenUrlRequest.parse("issn=0002-8282&library=harvard"));
        assertNull(stranger.home());
        assertTrue(stranger.notes().contains("'harvard' names no member library: no home library"));
    }

    @Test
    void aCatalogueThatCannotAnswerLeavesTheIllRequest() {
        CatalogSearch broken = new CatalogSearch() {
            @Override
            public SearchResult search(SearchRequest request) {
                throw new StoreException("catalog: Solr is down");
            }

            @Override
            public List<TermCount> scan(String field, String from, int before, int after) {
                throw new StoreException("catalog: Solr is down");
            }
        };
        Resolution resolution = new Resolver(
                        broken,
                        () -> Fixtures.DIRECTORY,
                        LenderWeights.uniform(),
                        LinkTemplates.shipped(),
                        Clock.systemUTC())
                .resolve(OpenUrlRequest.parse("issn=0002-8282&library=pku"));
        assertEquals(Problem.CATALOGUE_UNAVAILABLE, resolution.problem());
        assertEquals(
                List.of("ill"),
                resolution.options().stream().map(o -> o.kind().code()).toList());
    }

    private static List<String> sorted(List<String> ids) {
        return ids.stream().sorted().toList();
    }
}
