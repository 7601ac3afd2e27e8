package cn.edu.cashl.hub.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.edu.cashl.hub.catalog.CatalogSearch.TermCount;
import cn.edu.cashl.hub.catalog.StoreCollection;
import cn.edu.cashl.hub.catalog.StoredRecord;
import cn.edu.cashl.hub.catalog.solr.SolrCatalogStore;
import cn.edu.cashl.hub.catalog.solr.SolrSettings;
import cn.edu.cashl.hub.catalog.solr.SolrStores;
import cn.edu.cashl.hub.merge.SearchDocs;
import cn.edu.cashl.hub.resolver.LenderTier;
import cn.edu.cashl.hub.resolver.LenderWeights;
import cn.edu.cashl.hub.resolver.LibraryDirectory;
import cn.edu.cashl.hub.resolver.LinkTemplates;
import cn.edu.cashl.hub.resolver.Member;
import cn.edu.cashl.hub.resolver.OptionKind;
import cn.edu.cashl.hub.resolver.Resolver;
import cn.edu.cashl.hub.schema.CashlRecords;
import cn.edu.cashl.hub.schema.v1.CashlRecord;
import cn.edu.cashl.hub.schema.v1.Holding;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reader's search on embedded Solr with the catalogue's own search fields: words in every field
 * and in one, CJK, identifiers, facets and narrowing, order, paging past the end, availability as
 * the resolver answers for a home library (its licence, its shelf, other members' copies, open
 * access), a record with its journal's holdings, a journal's article count, and suggestions.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DiscoveryTest {

    static final LibraryDirectory LIBRARIES = new LibraryDirectory(
            List.of(
                    new Member(
                            "pku",
                            "Peking University Library",
                            "北京大学图书馆",
                            LenderTier.CENTRE,
                            "https://ill.pku.example/openurl"),
                    new Member("whu", "Wuhan University Library", "武汉大学图书馆", LenderTier.CENTRE, null),
                    new Member("fudan", "Fudan University Library", "复旦大学图书馆", LenderTier.CENTRE, null),
                    new Member("gzu", "Guizhou University Library", "贵州大学图书馆", LenderTier.SERVICE, null)),
            Map.of("jstor-as1", Map.of("pku", "https://proxy.pku.example/login?url=")));

    @TempDir
    static Path dir;

    private SolrCatalogStore store;
    private Discovery discovery;

    @BeforeAll
    void fill() throws Exception {
        store = SolrStores.open(SolrSettings.EMBEDDED, dir);
        List<StoredRecord> masters = new ArrayList<>();
        masters.add(master("m-skinner", "book", "eng", """
                <identifiers><isbn>9780674017708</isbn></identifiers>
                <title><main>Rural markets in late imperial China</main><sub>a study</sub></title>
                <contributor kind="person" role="aut"><name>Skinner, G. William</name></contributor>
                <publication><place>Cambridge</place><publisher>Harvard University Press</publisher><year>2001</year></publication>
                <language>eng</language><subject scheme="lcsh">China -- Economic conditions</subject>
                <discipline>hss</discipline>""" + print("pku", "HF3836 .S55") + print("whu", "F729 S628")));
        masters.add(master("m-jindai", "book", "chi", """
                <identifiers/><title><main>中国近代史</main></title>
                <contributor kind="person" role="aut"><name>蒋廷黻</name></contributor>
                <publication><year>1998</year></publication><language>chi</language><discipline>hss</discipline>""" + print("fudan", "K25 J52")));
        masters.add(master("m-neighbours", "book", "eng", """
                <identifiers/><title><main>Imperial China and its neighbours</main></title>
                <publication><year>1995</year></publication><language>eng</language><discipline>hss</discipline>""" + print("gzu", "D829")));
        masters.add(
                master(
                        "m-modchina",
                        "journal",
                        "eng",
                        """
                <identifiers><issn>0097-7004</issn></identifiers><title><main>Modern China</main></title>
                <publication><year>1975</year></publication><language>eng</language><discipline>hss</discipline>"""
                                + print("whu", "D6 M689")
                                + "<holding library=\"pku\" localId=\"jstor-row\" form=\"electronic\" source=\"jstor-as1\""
                                + " package=\"JSTOR Arts &amp; Sciences I\" access=\"licensed\" illElectronic=\"true\">"
                                + "<url>https://www.jstor.org/journal/modechin</url><range start=\"1975\" startVolume=\"1\"/></holding>"));
        masters.add(master("m-rural", "article", "eng", """
                <identifiers><doi>10.1177/009770040102700201</doi></identifiers>
                <title><main>Rural markets and the state in China</main></title>
                <contributor kind="person" role="aut"><name>Huang, Philip C. C.</name></contributor>
                <publication><year>2001</year></publication>
                <isPartOf record="m-modchina"><title>Modern China</title><issn>0097-7004</issn><volume>27</volume><issue>2</issue><pages>141-160</pages></isPartOf>
                <language>eng</language><discipline>hss</discipline>"""));
        masters.add(master("m-open", "article", "eng", """
                <identifiers><doi>10.7554/elife.00001</doi></identifiers>
                <title><main>Open markets of the Qing empire</main></title>
                <publication><year>2019</year></publication>
                <isPartOf><title>Open History</title><eissn>2050-084X</eissn><volume>8</volume></isPartOf>
                <language>eng</language><discipline>hss</discipline>
                <holding library="doaj" localId="10.7554/elife.00001" form="electronic" access="openAccess"><url>https://doi.org/10.7554/elife.00001</url></holding>"""));
        store.put(StoreCollection.CATALOG, masters);
        store.commit();
        Clock clock = Clock.fixed(Instant.parse("2026-12-07T00:00:00Z"), ZoneOffset.UTC);
        Resolver resolver =
                new Resolver(store, () -> LIBRARIES, LenderWeights.uniform(), LinkTemplates.shipped(), clock);
        discovery = new Discovery(store, resolver);
    }

    @AfterAll
    void close() {
        store.close();
    }

    @Test
    void wordsAreFoundInEveryFieldOrInTheOneChosen() {
        assertEquals(List.of("m-neighbours", "m-skinner"), ids(search("q", "imperial China")), "every word, anywhere");
        assertEquals(List.of("m-skinner"), ids(search("q", "Skinner", "field", "author")));
        assertEquals(List.of(), ids(search("q", "Skinner", "field", "title")));
        assertEquals(List.of("m-skinner"), ids(search("q", "economic conditions", "field", "subject")));
        assertEquals(List.of("m-jindai"), ids(search("q", "近代史")), "Chinese words, unsegmented");
        assertEquals(List.of("m-skinner"), ids(search("q", "978-0-674-01770-8", "field", "isbn-issn")));
        assertEquals(
                List.of("m-modchina", "m-rural"),
                ids(search("q", "0097-7004", "field", "isbn-issn")),
                "an ISSN finds the journal and its articles, as SRU's bath.issn does");
        assertEquals(
                List.of("m-rural"), ids(search("q", "https://doi.org/10.1177/009770040102700201", "field", "doi")));
        assertEquals(List.of("m-open"), ids(search("q", "qing empi*")), "a truncated word");
    }

    @Test
    void facetsCountEveryRecordFoundAndNarrowTheSearch() {
        ResultPage page = search("q", "China");
        assertEquals(4, page.total());
        assertEquals(count("book", 2, "journal", 1, "article", 1), counts(page, Facet.TYPE));
        assertEquals(count("pku", 2, "whu", 2, "gzu", 1), counts(page, Facet.HOLDING));
        assertEquals(count("print", 3, "online", 1), counts(page, Facet.ACCESS));
        ResultPage narrowed = search("q", "China", "holding", "whu", "type", "book");
        assertEquals(List.of("m-skinner"), ids(narrowed));
        assertEquals(List.of("m-open"), ids(search("access", "openAccess")), "filters alone are a search");
    }

    @Test
    void resultsAreOrderedAndPagedWithoutEnd() {
        assertEquals(
                List.of("m-open", "m-rural", "m-skinner", "m-jindai", "m-neighbours", "m-modchina"),
                order(discovery.search(new ReaderQuery("", SearchField.ALL, Map.of(), SortOrder.NEWEST, 1, 20, null))),
                "newest first, ties by id");
        ResultPage second = search("q", "China", "size", "10", "sort", "oldest", "page", "1");
        assertEquals(List.of("m-modchina", "m-neighbours", "m-rural", "m-skinner"), order(second));
        ResultPage paged = search("q", "China", "size", "10", "sort", "oldest", "page", "1");
        assertEquals(4, paged.hits().size());
        ResultPage beyond = search("q", "China", "page", "999999");
        assertEquals(4, beyond.total());
        assertTrue(beyond.hits().isEmpty());
        assertNull(beyond.problem());
        assertEquals(1, beyond.lastPage());
    }

    @Test
    void availabilityIsTheResolversAnswerForTheHomeLibrary() {
        Map<String, Availability> forPku = availability(search("q", "China", "library", "pku"));
        Availability journal = forPku.get("m-modchina");
        assertTrue(journal.onlineHere(), "the home library's own licence");
        assertEquals(OptionKind.ELECTRONIC, journal.best().kind());
        assertTrue(
                journal.best().url().startsWith("https://proxy.pku.example/login?url="),
                journal.best().url());
        assertTrue(journal.bestIsFullText());
        assertTrue(forPku.get("m-rural").onlineHere(), "an article, through its journal's licence and coverage");
        Availability book = forPku.get("m-skinner");
        assertTrue(book.onShelf());
        assertEquals(1, book.printLibraries(), "whu lends it; pku's own copy is on the shelf");
        assertEquals(OptionKind.PRINT, book.best().kind());
        assertFalse(book.bestIsFullText());

        Map<String, Availability> forGzu = availability(search("q", "China", "library", "gzu"));
        assertFalse(forGzu.get("m-modchina").onlineHere());
        assertTrue(forGzu.get("m-modchina").delivered(), "pku's licence allows electronic delivery");
        assertEquals(2, forGzu.get("m-skinner").printLibraries());
        assertEquals(List.of(Availability.Badge.PRINT), forGzu.get("m-skinner").badges());

        Availability open = availability(search("q", "open markets")).get("m-open");
        assertTrue(open.openAccess());
        assertTrue(open.bestIsFullText());
        assertEquals("https://doi.org/10.7554/elife.00001", open.best().url());
    }

    @Test
    void aRecordPageHasEveryWayAndAJournalItsArticleCount() {
        RecordView article = discovery.record("m-rural", "pku").orElseThrow();
        assertEquals(
                "Rural markets and the state in China",
                RecordText.title(article.hit().record()));
        assertEquals(
                List.of("m-rural", "m-modchina"),
                article.resolution().matches().stream().map(m -> m.id()).toList(),
                "the article with its journal, whose holdings count");
        assertEquals(0, article.articleCount());
        assertEquals(1, discovery.record("m-modchina", null).orElseThrow().articleCount());
        assertTrue(discovery.record("no-such-record", null).isEmpty());
        assertNotNull(article.hit().datestamp());
    }

    @Test
    void suggestionsCompleteWhatIsTyped() {
        assertEquals(
                List.of("Rural markets and the state in China", "Rural markets in late imperial China"),
                sorted(discovery.suggest("rural mark", 10)),
                "every word typed, the last one completed");
        assertEquals(List.of("中国近代史"), discovery.suggest("中国", 10));
        assertEquals(List.of(), discovery.suggest("r", 10), "one letter names nothing");
        assertEquals(List.of(), discovery.suggest("**", 10), "nothing but masks: no suggestion, no error");
        assertEquals(1, discovery.suggest("rural", 1).size());
    }

    @Test
    void aSearchThatCannotRunSaysWhy() {
        ResultPage page = search("q", "China", "year", "nineteen ninety");
        assertNotNull(page.problem());
        assertEquals(SearchProblem.Kind.QUERY, page.problem().kind());
        assertTrue(
                page.problem().detail().contains("whole number"), page.problem().detail());
        assertEquals(0, page.total());
        assertNull(search("q", "*").problem(), "a lone mask is every record, not an error");
    }

    private ResultPage search(String... pairs) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            params.computeIfAbsent(pairs[i], k -> new ArrayList<>()).add(pairs[i + 1]);
        }
        return discovery.search(ReaderQuery.from(params, null));
    }

    private static List<String> ids(ResultPage page) {
        return page.hits().stream().map(Hit::id).sorted().toList();
    }

    private static List<String> order(ResultPage page) {
        return page.hits().stream().map(Hit::id).toList();
    }

    private static List<String> sorted(List<String> ids) {
        return ids.stream().sorted().toList();
    }

    private static Map<String, Availability> availability(ResultPage page) {
        Map<String, Availability> byId = new LinkedHashMap<>();
        page.hits().forEach(hit -> byId.put(hit.id(), hit.availability()));
        return byId;
    }

    private static Map<String, Long> counts(ResultPage page, Facet facet) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (TermCount count : page.facets().get(facet)) {
            counts.put(count.term(), count.count());
        }
        return counts;
    }

    private static Map<String, Long> count(Object... pairs) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            counts.put((String) pairs[i], ((Integer) pairs[i + 1]).longValue());
        }
        return counts;
    }

    private static String print(String library, String callNumber) {
        return "<holding library=\"" + library + "\" localId=\"" + library + "-1\" form=\"print\"><callNumber>"
                + callNumber + "</callNumber></holding>";
    }

    private static StoredRecord master(String id, String type, String language, String body) throws Exception {
        String xml = "<record xmlns=\"https://ns.cashl.edu.cn/record/v1\" id=\"" + id + "\" type=\"" + type
                + "\" schemaVersion=\"1.2\">" + body + "</record>";
        StoredRecord.Builder master =
                StoredRecord.builder(id, Instant.parse("2026-01-01T00:00:00Z")).xml(xml);
        CashlRecord record = CashlRecords.get().read(xml);
        SearchDocs.addTo(master, record);
        // The holding libraries, as the union catalogue writes them beside the search fields.
        record.getHolding().stream().map(Holding::getLibrary).distinct().forEach(master::library);
        return master.build();
    }
}
