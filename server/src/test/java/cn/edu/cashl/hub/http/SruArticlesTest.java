package cn.edu.cashl.hub.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.edu.cashl.hub.catalog.CatalogSearch.SearchRequest;
import cn.edu.cashl.hub.catalog.CatalogSearch.SearchResult;
import cn.edu.cashl.hub.catalog.DatestampClock;
import cn.edu.cashl.hub.catalog.SearchFields;
import cn.edu.cashl.hub.catalog.StoredRecord;
import cn.edu.cashl.hub.catalog.solr.SolrCatalogStore;
import cn.edu.cashl.hub.catalog.solr.SolrSettings;
import cn.edu.cashl.hub.catalog.solr.SolrStores;
import cn.edu.cashl.hub.merge.SourceChange;
import cn.edu.cashl.hub.merge.UnionCatalog;
import cn.edu.cashl.hub.schema.CashlRecords;
import cn.edu.cashl.hub.server.DemoHub;
import cn.edu.cashl.hub.server.Hub;
import cn.edu.cashl.hub.testkit.ProjectRoot;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Journal articles over SRU on a running hub: the print journal Modern China imported as MARC,
 * three of its articles imported as Crossref works, and two articles written as canonical records
 * with what no inbound crosswalk gives yet (the journal's online ISSN and ISSN-L, the link to its
 * master record). Searched by DOI, by the journal's ISSN, volume and issue, journal title and
 * journal record, by words of an abstract and of a keyword; faceted by journal and year; scanned,
 * sorted and explained.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SruArticlesTest {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    static final String MODERN_CHINA = """
            <collection xmlns="http://www.loc.gov/MARC21/slim"><record>
              <leader>00000cas a2200000 a 4500</leader>
              <controlfield tag="001">modern-china</controlfield>
              <controlfield tag="008">750101c19759999cauqr p       0   a0eng d</controlfield>
              <datafield tag="022" ind1=" " ind2=" "><subfield code="a">0097-7004</subfield></datafield>
              <datafield tag="245" ind1="0" ind2="0"><subfield code="a">Modern China.</subfield></datafield>
              <datafield tag="260" ind1=" " ind2=" "><subfield code="a">Beverly Hills :</subfield>
                <subfield code="b">Sage Publications</subfield></datafield>
              <datafield tag="650" ind1=" " ind2="0"><subfield code="a">China</subfield>
                <subfield code="v">Periodicals.</subfield></datafield>
              <datafield tag="852" ind1=" " ind2=" "><subfield code="a">local</subfield>
                <subfield code="h">DS701 .M63</subfield></datafield>
            </record></collection>
            """;

    /** Crossref works, one per line: volume 27 issues 2 and 3, volume 28 issue 2. */
    private static final String WORKS = String.join(
                    "\n",
                    work(
                            "10.1177/0097700401027002001",
                            "Rural markets in late imperial China",
                            "27",
                            "2",
                            2001,
                            "Grain prices and sericulture in eighteenth-century Jiangnan."),
                    work(
                            "10.1177/0097700401027003002",
                            "Guilds and the state in Qing Suzhou",
                            "27",
                            "3",
                            2001,
                            "Merchant guilds negotiated taxes with the magistrates."),
                    work(
                            "10.1177/0097700402028002003",
                            "Village elections in the reform era",
                            "28",
                            "2",
                            2002,
                            "Elections changed how villages were governed."))
            + "\n";

    /** Modern China 27(2) with the journal's online ISSN and ISSN-L only, linked to its master record. */
    private static final String LINKED_DOI = "10.1177/S00977004-27-2-ABC";

    @TempDir
    static Path work;

    private Hub hub;
    private String base;
    private String journalId;

    private static String work(String doi, String title, String volume, String issue, int year, String abstractText) {
        return "{\"DOI\":\"" + doi + "\",\"type\":\"journal-article\",\"title\":[\"" + title + "\"],"
                + "\"author\":[{\"given\":\"Wei\",\"family\":\"Li\",\"sequence\":\"first\"}],"
                + "\"container-title\":[\"Modern China\"],\"publisher\":\"SAGE Publications\","
                + "\"ISSN\":[\"0097-7004\"],\"issn-type\":[{\"value\":\"0097-7004\",\"type\":\"print\"}],"
                + "\"volume\":\"" + volume + "\",\"issue\":\"" + issue + "\",\"page\":\"141-178\","
                + "\"issued\":{\"date-parts\":[[" + year + ",4]]},\"language\":\"en\",\"subject\":[\"History\"],"
                + "\"abstract\":\"<jats:p>" + abstractText + "</jats:p>\"}";
    }

    private static String article(String localId, String doi, String title, String host, int year, String keyword) {
        return "<record xmlns=\"https://ns.cashl.edu.cn/record/v1\" id=\"local:" + localId
                + "\" type=\"article\" schemaVersion=\"1.2\">"
                + "<identifiers><doi>" + doi + "</doi><local source=\"local\">" + localId + "</local></identifiers>"
                + "<title><main>" + title + "</main></title>"
                + "<contributor kind=\"person\" role=\"aut\"><name>Chen, Yu</name>"
                + "<orcid>0000-0002-1825-0097</orcid><affiliation>Fudan University</affiliation></contributor>"
                + "<publication><year>" + year + "</year></publication>"
                + host
                + "<language>eng</language>"
                + "<subject scheme=\"keyword\">" + keyword + "</subject>"
                + "<discipline>hss</discipline>"
                + "<description language=\"eng\">A study of the period's sources.</description>"
                + "<holding library=\"local\" localId=\"" + localId + "\" form=\"electronic\" access=\"openAccess\">"
                + "<url>https://doi.org/" + doi + "</url></holding>"
                + "<provenance source=\"local\" sourceIdentifier=\"" + localId
                + "\" harvestedAt=\"2026-01-01T00:00:00Z\" crosswalk=\"test@1\"/>"
                + "</record>";
    }

    @BeforeAll
    void startHub() throws Exception {
        Path data = work.resolve("data");
        Path config = ProjectRoot.find().resolve("config/cashl-hub.yaml");
        Path journal = work.resolve("modern-china.xml");
        Files.writeString(journal, MODERN_CHINA);
        DemoHub.importFile(config, data, "local", journal);
        Path works = work.resolve("works.jsonl");
        Files.writeString(works, WORKS);
        DemoHub.importFile(config, data, "local", "crossref", works, 0);

        try (SolrCatalogStore store = SolrStores.open(SolrSettings.EMBEDDED, data)) {
            SearchResult journals = store.search(new SearchRequest(
                    "{!term f=" + SearchFields.ISSN + " v=$issn}",
                    Map.of("issn", "0097-7004"),
                    List.of(),
                    0,
                    null,
                    10,
                    false,
                    List.of()));
            assertEquals(1, journals.total(), "the journal's master record");
            journalId = journals.records().get(0).id();
            UnionCatalog union = new UnionCatalog(store, DatestampClock.serving());
            union.apply(List.of(
                    accepted(article(
                            "linked",
                            LINKED_DOI,
                            "Treaty ports and customs revenue",
                            "<isPartOf record=\"" + journalId + "\"><title>Modern China</title>"
                                    + "<eissn>1552-6836</eissn><issnL>0097-7004</issnL>"
                                    + "<volume>27</volume><issue>2</issue><pages>179-201</pages></isPartOf>",
                            2001,
                            "Palimpsest")),
                    accepted(article(
                            "cq",
                            "10.1017/S0305741020000958",
                            "Rural governance in contemporary China",
                            "<isPartOf><title>The China quarterly</title><issn>0305-7410</issn>"
                                    + "<volume>245</volume><issue>1</issue><pages>117-134</pages></isPartOf>",
                            2021,
                            "village elections"))));
            union.refresh();
        }
        hub = Hub.start(DemoHub.loopback(config, data), data);
        base = "http://127.0.0.1:" + hub.port() + "/sru";
    }

    private static SourceChange accepted(String xml) throws Exception {
        String id = xml.replaceFirst("(?s).*? id=\"([^\"]+)\".*", "$1");
        StoredRecord sourceRecord = StoredRecord.builder(id, Instant.parse("2026-01-01T00:00:00Z"))
                .source("local")
                .status("accepted")
                .xml(xml)
                .build();
        return SourceChange.accepted(sourceRecord, CashlRecords.get().read(xml));
    }

    @AfterAll
    void stopHub() {
        if (hub != null) {
            hub.close();
        }
    }

    private JsonNode get(String query) throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(base + "?" + query + "&httpAccept=application/json"))
                        .timeout(Duration.ofSeconds(60))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response::body);
        return JSON.readTree(response.body());
    }

    private JsonNode search(String cql, String more) throws Exception {
        JsonNode body = get("version=2.0&query=" + q(cql) + more);
        assertTrue(body.path("diagnostics").isEmpty(), () -> cql + ": " + body.path("diagnostics"));
        return body;
    }

    private long count(String cql) throws Exception {
        return search(cql, "&maximumRecords=0").path("numberOfRecords").asLong();
    }

    /** The titles of the records a query finds. */
    private Set<String> titles(String cql) throws Exception {
        Set<String> titles = new TreeSet<>();
        search(cql, "&maximumRecords=50")
                .path("records")
                .forEach(r -> titles.add(r.path("title").asText()));
        return titles;
    }

    private static String q(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Test
    void aDoiFindsItsArticleWhateverItsCaseAndPrefix() throws Exception {
        assertEquals(
                Set.of("Rural markets in late imperial China"), titles("cashl.doi = \"10.1177/0097700401027002001\""));
        assertEquals(1, count("cashl.doi == \"https://doi.org/10.1177/0097700401027002001\""));
        assertEquals(1, count("cashl.doi cql.exact \"doi:10.1177/s00977004-27-2-abc\""), "lower case finds ABC");
        assertEquals(1, count("cashl.doi = \"10.1177/S00977004-27-2-ABC\""));
        assertEquals(4, count("cashl.doi = \"10.1177/*\""), "a DOI prefix, masked");
        assertEquals(
                Set.of("Rural governance in contemporary China"),
                titles("dc.identifier = \"https://doi.org/10.1017/S0305741020000958\""));
        assertEquals(1, count("dc.identifier = \"10.1177/0097700402028002003\""), "a DOI of a Crossref work");
        assertEquals(0, count("cashl.doi = \"10.1177/nothing\""));
    }

    @Test
    void aJournalsIssnFindsTheJournalAndItsArticles() throws Exception {
        assertEquals(
                Set.of(
                        "Modern China",
                        "Rural markets in late imperial China",
                        "Guilds and the state in Qing Suzhou",
                        "Village elections in the reform era",
                        "Treaty ports and customs revenue"),
                titles("bath.issn = 0097-7004"),
                "by print ISSN, and the linked article by its journal's ISSN-L");
        assertEquals(5, count("bath.issn = 00977004"));
        assertTrue(
                titles("bath.issn = 1552-6836").contains("Treaty ports and customs revenue"),
                "by the journal's online ISSN");
        assertEquals(Set.of("Modern China"), titles("cashl.issn = 0097-7004"), "the journal's own ISSN alone");
        assertEquals(1, count("bath.issn = 0097-7004 and dc.type = journal"));
        assertEquals(1, count("bath.issn = 0305-7410"));
    }

    @Test
    void volumeIssueJournalAndJournalRecord() throws Exception {
        assertEquals(
                Set.of("Rural markets in late imperial China", "Treaty ports and customs revenue"),
                titles("cashl.volume = 27 and cashl.issue = 2"));
        assertEquals(3, count("cashl.volume == 27"));
        assertEquals(3, count("cashl.issue cql.exact 2"), "in volumes 27 and 28");
        assertEquals(4, count("cashl.journal = \"modern china\""), "its articles, not the journal itself");
        assertEquals(4, count("cashl.journal adj \"Modern China\""));
        assertEquals(5, count("cashl.journal any \"modern quarterly\""));
        assertEquals(5, count("cashl.journal all china"));
        assertEquals(4, count("cashl.journal == \"MODERN CHINA\""));
        assertEquals(
                Set.of(
                        "Rural markets in late imperial China",
                        "Guilds and the state in Qing Suzhou",
                        "Village elections in the reform era",
                        "Treaty ports and customs revenue"),
                titles("cashl.journalRecord = \"" + journalId + "\""),
                "the union catalogue links every article of the journal: by print ISSN, and by ISSN-L");
        assertEquals(0, count("cashl.journalRecord = \"local:nothing\""));
        List<String> sorted = new ArrayList<>();
        search("cql.allRecords = 1 sortby cashl.journal", "&maximumRecords=10")
                .path("records")
                .forEach(r -> sorted.add(r.path("title").asText()));
        assertEquals(
                List.of("Rural governance in contemporary China", "Modern China"),
                sorted.subList(4, 6),
                "by journal title, the journal itself (in none) last");
    }

    @Test
    void aJournalRecordCountsItsArticles() throws Exception {
        JsonNode journal = search("cashl.issn = 0097-7004", "&maximumRecords=1")
                .path("records")
                .get(0);
        assertEquals(4, journal.path("articles").asLong(), journal::toString);
        HttpResponse<String> xml = HTTP.send(
                HttpRequest.newBuilder(URI.create(base + "?version=1.2&operation=searchRetrieve&query="
                                + q("cashl.issn = 0097-7004") + "&recordSchema=dc"))
                        .timeout(Duration.ofSeconds(60))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(
                xml.body().contains("<cashl:articles xmlns:cashl=\"https://ns.cashl.edu.cn/record/v1\" count=\"4\""),
                xml::body);
        JsonNode article = search("cashl.doi = \"10.1177/0097700401027002001\"", "&maximumRecords=1")
                .path("records")
                .get(0);
        assertTrue(article.path("articles").isMissingNode(), "only journals count articles");
    }

    @Test
    void serverChoiceFindsWordsOfAnAbstractAndOfAKeyword() throws Exception {
        assertEquals(Set.of("Rural markets in late imperial China"), titles("sericulture"), "a word of an abstract");
        assertEquals(Set.of("Treaty ports and customs revenue"), titles("palimpsest"), "a keyword");
        assertEquals(Set.of("Treaty ports and customs revenue"), titles("cql.serverChoice all \"treaty chen\""));
    }

    @Test
    void facetsByJournalAndYearCountWhatTheirQueriesFind() throws Exception {
        JsonNode body = search("dc.type = article", "&maximumRecords=0&facetLimit=" + q("10:cashl.journal,10:dc.date"));
        List<String> journals = new ArrayList<>();
        List<String> years = new ArrayList<>();
        for (JsonNode facet : body.path("facets")) {
            List<String> into = facet.path("index").asText().equals("cashl.journal") ? journals : years;
            for (JsonNode term : facet.path("terms")) {
                into.add(term.path("term").asText() + " " + term.path("count").asLong());
                assertEquals(
                        term.path("count").asLong(),
                        count(term.path("query").asText()),
                        term.path("query").asText());
            }
        }
        assertEquals(List.of("Modern China 4", "The China quarterly 1"), journals);
        assertEquals(List.of("2001 3", "2002 1", "2021 1"), years);
        assertEquals("Journal", body.path("facets").get(0).path("label").asText());
    }

    @Test
    void scanListsJournalTitlesAndIssns() throws Exception {
        JsonNode body = get("version=1.2&operation=scan&scanClause=" + q("cashl.journal = modern") + "&maximumTerms=5");
        List<String> terms = new ArrayList<>();
        body.path("terms").forEach(t -> terms.add(t.path("value").asText() + " " + t.path("numberOfRecords")));
        assertEquals(List.of("modern china 4", "the china quarterly 1"), terms);

        JsonNode issns = get("version=1.2&operation=scan&scanClause=" + q("bath.issn = 0097-7004") + "&maximumTerms=5");
        List<String> counted = new ArrayList<>();
        issns.path("terms").forEach(t -> counted.add(t.path("value").asText() + " " + t.path("numberOfRecords")));
        assertEquals(
                List.of("0097-7004 5", "0305-7410 1"),
                counted.subList(0, 2),
                "the journal's own ISSN and its articles' journal ISSN, counted as bath.issn finds them");
    }

    @Test
    void explainListsTheArticleIndexesAndTheJournalFacet() throws Exception {
        String explain = get("version=1.2&operation=explain").path("explain").asText();
        assertNotNull(explain);
        for (String index : List.of("doi", "journal", "volume", "issue", "journalRecord")) {
            assertTrue(explain.contains("<zr:name set=\"cashl\">" + index + "</zr:name>"), index);
        }
        assertTrue(explain.contains("<zr:title>Title of the journal an article is in</zr:title>"));
        assertTrue(explain.contains("<zr:supports type=\"facet\">cashl.journal</zr:supports>"));
        assertTrue(explain.contains("<zr:supports type=\"facet\">dc.date</zr:supports>"));
    }
}
