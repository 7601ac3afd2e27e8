package cn.edu.cashl.hub.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.edu.cashl.hub.server.DemoHub;
import cn.edu.cashl.hub.server.Hub;
import cn.edu.cashl.hub.testkit.XmlDocuments;
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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/**
 * SRU 1.1, 1.2 and 2.0 against a running hub over HTTP, filled with the bundled demo feed and one
 * record with accents: explain, searchRetrieve (relations, booleans, masking, sorting, paging,
 * schemas, packing, result sets), scan, facets with their drill-down queries, JSON, CORS, POST,
 * and the diagnostic of every error, always HTTP 200.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SruConformanceTest {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Map<String, String> NS = Map.of(
            "srw",
            "http://www.loc.gov/zing/srw/",
            "sru",
            "http://docs.oasis-open.org/ns/search-ws/sruResponse",
            "scan",
            "http://docs.oasis-open.org/ns/search-ws/scan",
            "diag",
            "http://www.loc.gov/zing/srw/diagnostic/",
            "diag2",
            "http://docs.oasis-open.org/ns/search-ws/diagnostic",
            "zr",
            "http://explain.z3950.org/dtd/2.0/",
            "fr",
            "http://docs.oasis-open.org/ns/search-ws/facetedResults",
            "dc",
            "http://purl.org/dc/elements/1.1/",
            "srw_dc",
            "info:srw/schema/1/dc-schema",
            "marc",
            "http://www.loc.gov/MARC21/slim");

    private static final XmlDocuments XML = new XmlDocuments(NS);

    /** An e-book (008/23 o) with its URL in 856: the one electronic holding of the catalogue. */
    static final String EBOOK = "<record><leader>00000cam a2200000 a 4500</leader>"
            + "<controlfield tag=\"001\">ebook-1</controlfield>"
            + "<controlfield tag=\"008\">200101s2020    cc      o     000 0 eng d</controlfield>"
            + "<datafield tag=\"050\" ind1=\"0\" ind2=\"0\"><subfield code=\"a\">HC427</subfield></datafield>"
            + "<datafield tag=\"245\" ind1=\"0\" ind2=\"0\"><subfield code=\"a\">Markets of the Ming dynasty online</subfield></datafield>"
            + "<datafield tag=\"856\" ind1=\"4\" ind2=\"0\"><subfield code=\"u\">https://ebooks.example.org/ming</subfield></datafield>"
            + "</record>";

    @TempDir
    static Path work;

    private Hub hub;
    private String base;

    @BeforeAll
    void startHub() throws Exception {
        Path data = work.resolve("data");
        Path config = DemoHub.importDemo(data);
        Path accented = work.resolve("accented.xml");
        Files.writeString(
                accented,
                "<collection xmlns=\"http://www.loc.gov/MARC21/slim\"><record>"
                        + "<leader>00000cam a2200000 a 4500</leader><controlfield tag=\"001\">umlaut-1</controlfield>"
                        + "<controlfield tag=\"008\">990101s1998    gw            000 0 ger d</controlfield>"
                        + "<datafield tag=\"020\" ind1=\" \" ind2=\" \"><subfield code=\"a\">3-16-148410-X</subfield></datafield>"
                        + "<datafield tag=\"050\" ind1=\"0\" ind2=\"0\"><subfield code=\"a\">DD901</subfield></datafield>"
                        + "<datafield tag=\"100\" ind1=\"1\" ind2=\" \"><subfield code=\"a\">Müller, Jürgen</subfield></datafield>"
                        + "<datafield tag=\"245\" ind1=\"1\" ind2=\"0\"><subfield code=\"a\">Die Geschichte der Städte /</subfield></datafield>"
                        + "<datafield tag=\"650\" ind1=\" \" ind2=\"0\"><subfield code=\"a\">Stadtgeschichte</subfield></datafield>"
                        + "</record>"
                        + EBOOK
                        + "</collection>");
        DemoHub.importFile(config, data, "local", accented);
        hub = Hub.start(DemoHub.loopback(config, data), data);
        base = "http://127.0.0.1:" + hub.port() + "/sru";
    }

    @AfterAll
    void stopHub() {
        if (hub != null) {
            hub.close();
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        HttpResponse<String> response =
                HTTP.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response::body);
        assertEquals(
                "*",
                response.headers().firstValue("Access-Control-Allow-Origin").orElse(""),
                "CORS");
        return response;
    }

    private Document get(String query) throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + "?" + query)));
        assertTrue(response.headers().firstValue("Content-Type").orElse("").contains("xml"));
        return parse(response.body());
    }

    private Document search(String version, String cql, String more) throws Exception {
        String op = version.equals("2.0") ? "" : "&operation=searchRetrieve";
        return get("version=" + version + op + "&query=" + q(cql) + more);
    }

    private static Document parse(String xml) {
        return XmlDocuments.parse(xml.getBytes(StandardCharsets.UTF_8));
    }

    private static String value(Document doc, String path) {
        return XML.value(doc, path);
    }

    private static List<String> values(Document doc, String path) {
        return XML.values(doc, path);
    }

    private static long count(Document doc) throws Exception {
        String n = value(doc, "//srw:numberOfRecords | //sru:numberOfRecords");
        return n.isEmpty() ? -1 : Long.parseLong(n);
    }

    private long count(String cql) throws Exception {
        Document doc = search("1.2", cql, "&maximumRecords=0");
        assertEquals("", diagnostic(doc), () -> cql);
        return count(doc);
    }

    private static String diagnostic(Document doc) throws Exception {
        return value(doc, "(//diag:uri | //diag2:uri)[1]");
    }

    private static String q(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Test
    void explainDescribesTheLiveCatalogueInEachVersion() throws Exception {
        for (String version : List.of("1.1", "1.2")) {
            Document doc = get("version=" + version + "&operation=explain");
            assertEquals(version, value(doc, "/srw:explainResponse/srw:version"));
            assertEquals("245", value(doc, "//zr:serverInfo/zr:database/@numRecs"), "demo feed plus two records");
            assertFalse(value(doc, "//zr:serverInfo/zr:database/@lastUpdate").isEmpty());
            assertTrue(values(doc, "//zr:index/zr:map/zr:name")
                    .containsAll(List.of(
                            "possessingInstitution",
                            "isbn",
                            "issn",
                            "title",
                            "serverChoice",
                            "lastModificationDate",
                            "access")));
            assertEquals(Set.of("dc", "mods", "marcxml", "cashl"), new HashSet<>(values(doc, "//zr:schema/@name")));
            assertEquals("1000", value(doc, "//zr:configInfo/zr:setting[@type='maximumRecords']"));
        }
        Document two = get("");
        assertEquals("2.0", value(two, "/sru:explainResponse/sru:version"), "no parameters: SRU 2.0 explain");
        assertEquals("http://explain.z3950.org/dtd/2.0/", value(two, "//sru:record/sru:recordSchema"));
    }

    @Test
    void searchRetrieveAnswersInTheRequestsVersion() throws Exception {
        Document v11 = search("1.1", "dc.title = history", "&maximumRecords=3");
        assertEquals("1.1", value(v11, "/srw:searchRetrieveResponse/srw:version"));
        Document v12 = search("1.2", "dc.title = history", "&maximumRecords=3");
        assertEquals("1.2", value(v12, "/srw:searchRetrieveResponse/srw:version"));
        Document v20 = get("query=" + q("dc.title = history") + "&maximumRecords=3");
        assertEquals("2.0", value(v20, "/sru:searchRetrieveResponse/sru:version"), "operation inferred from query");
        for (Document doc : List.of(v11, v12, v20)) {
            assertTrue(count(doc) > 3);
            assertEquals(List.of("1", "2", "3"), values(doc, "//*[local-name()='recordPosition']"));
            assertEquals("4", value(doc, "//*[local-name()='nextRecordPosition']"));
            assertEquals(3, values(doc, "//srw_dc:dc/dc:title").size());
            assertEquals(
                    "dc.title = history",
                    value(doc, "//*[local-name()='echoedSearchRetrieveRequest']/*[local-name()='query']"));
            assertFalse(value(doc, "//*[local-name()='xQuery']/*[local-name()='searchClause']/*[local-name()='term']")
                    .isEmpty());
            assertFalse(
                    value(doc, "//*[local-name()='extraRecordData']//@library").isEmpty(), "holdings");
        }
        assertEquals("info:srw/vocabulary/resultCountPrecision/1/exact", value(v20, "//sru:resultCountPrecision"));
    }

    @Test
    void relationsBooleansAndMaskingKeepTheirCqlMeaning() throws Exception {
        long history = count("dc.title = history");
        long france = count("dc.title = france");
        long both = count("dc.title all \"history france\"");
        long either = count("dc.title any \"history france\"");
        assertTrue(both > 0 && both < history);
        assertEquals(history + france - both, either);
        assertEquals(both, count("dc.title = history and dc.title = france"));
        assertEquals(history - both, count("dc.title = history not dc.title = france"));
        assertEquals(either, count("dc.title = history or dc.title = france"));
        assertTrue(count("dc.title adj \"history of france\"") > 0);
        assertTrue(count("dc.title = \"history of france\"") <= both, "= with several words is adjacency");
        assertTrue(count("dc.title = hist*") >= history, "right truncation");
        assertEquals(history, count("dc.title = HISTORY"), "case-insensitive");
        assertEquals(count("dc.title = histor?"), history);
        assertEquals(1, count("dc.title == \"A history of France : essays on trade and literature\""));
        assertEquals(1, count("dc.title = \"^a history of france : essays on trade*\""), "anchored and masked");
        long nineties = count("dc.date within \"1990 1999\"");
        assertEquals(nineties, count("dc.date >= 1990 and dc.date < 2000"));
        assertEquals(nineties, count("dc.date > 1989 and dc.date <= 1999"));
        assertEquals(
                count("cql.allRecords = 1"),
                count("dc.date <> 1994") + count("dc.date = 1994") + count("cql.allRecords = 1 not dc.date < 3000"));
        assertTrue(count("cql.serverChoice = france") >= france);
        assertEquals(count("france"), count("cql.serverChoice = france"), "a bare term is serverChoice");
        assertTrue(count("bath.possessingInstitution = sdu") > 0);
        assertEquals(count("bath.possessingInstitution = sdu"), count("cashl.library = sdu"));
        assertTrue(count("title = history prox/unit=word/distance<=3 title = france") > 0);
    }

    @Test
    void theAccessIndexAndElectronicHoldings() throws Exception {
        long all = count("cql.allRecords = 1");
        assertEquals(1, count("cashl.access = online"), "the e-book");
        assertEquals(1, count("cashl.access == ONLINE"));
        assertEquals(all - 1, count("cashl.access = print"), "every other record is held in print");
        assertEquals(all, count("cashl.access any \"online print\""));
        assertEquals(0, count("cashl.access = openAccess"), "none here, and no error");
        assertEquals(0, count("cashl.access = nonsense"));
        assertEquals(2, count("bath.possessingInstitution = local"), "the e-book is a holding of its library");
        assertEquals(1, count("bath.possessingInstitution = local and cashl.access = online"));
        Document ebook = search("1.2", "cashl.access = online", "");
        assertTrue(
                values(ebook, "//srw_dc:dc/dc:identifier").contains("https://ebooks.example.org/ming"),
                "the URL as a dc:identifier");
        assertEquals("electronic", value(ebook, "//*[local-name()='extraRecordData']//@form"));

        Document facets = get(
                "version=2.0&query=" + q("cql.allRecords = 1") + "&maximumRecords=0&facetLimit=" + q("5:cashl.access"));
        assertEquals(List.of("cashl.access"), values(facets, "//fr:facet/fr:index"));
        assertEquals(List.of("print", "online"), values(facets, "//fr:facet//fr:term/fr:actualTerm"));
        String drill = value(facets, "//fr:facet//fr:term[fr:actualTerm='online']/fr:query");
        assertEquals(1, count(drill));
    }

    @Test
    void foldingFindsAccentsAndIsbnsInAnyForm() throws Exception {
        long mullers = count("dc.creator = muller");
        assertTrue(mullers > 1, "the demo feed's Müllers and ours");
        assertEquals(mullers, count("dc.creator = MÜLLER"));
        assertEquals(1, count("dc.creator = jurgen"));
        assertEquals(1, count("dc.title = stadte"));
        assertEquals(1, count("dc.creator == \"muller, jurgen\""));
        assertEquals(1, count("bath.isbn = 316148410X"));
        assertEquals(1, count("bath.isbn = 978-3-16-148410-0"), "the ISBN-13 form of the same book");
        assertEquals(1, count("dc.language = ger and dc.creator = jürgen"));
    }

    @Test
    void sortingPagingAndResultSets() throws Exception {
        Document sorted = search("1.2", "cql.allRecords = 1 sortby dc.date/sort.descending", "&maximumRecords=50");
        List<String> years = values(sorted, "//srw_dc:dc/dc:date");
        List<String> expected = new ArrayList<>(years);
        expected.sort(Comparator.reverseOrder());
        assertEquals(expected, years);
        Document sortKeys = search("1.1", "cql.allRecords = 1", "&sortKeys=" + q("dc.date,,0") + "&maximumRecords=50");
        assertEquals(years, values(sortKeys, "//srw_dc:dc/dc:date"), "SRU 1.1 sortKeys");

        Set<String> seen = new HashSet<>();
        long total = count("dc.title = history");
        String id = null;
        for (int start = 1; start <= total; start += 7) {
            Document page = search("1.2", "dc.title = history", "&maximumRecords=7&startRecord=" + start);
            for (String position : values(page, "//srw:recordPosition")) {
                assertTrue(seen.add(position));
            }
            id = value(page, "//srw:resultSetId");
        }
        assertEquals(total, seen.size());
        assertEquals(
                count("dc.title = history and dc.date > 1990"),
                count("cql.resultSetId = \"" + id + "\" and dc.date > 1990"));
    }

    @Test
    void everySchemaAndPacking() throws Exception {
        Document marc = search("1.2", "dc.creator = jurgen", "&recordSchema=marcxml");
        assertEquals("info:srw/schema/1/marcxml-v1.1", value(marc, "//srw:recordSchema"));
        assertFalse(value(marc, "//marc:record/marc:datafield[@tag='245']").isEmpty());
        Document mods = search("1.2", "dc.creator = jurgen", "&recordSchema=" + q("info:srw/schema/1/mods-v3.6"));
        assertEquals("http://www.loc.gov/mods/v3", value(mods, "namespace-uri(//srw:recordData/*)"));
        Document cashl = search("2.0", "dc.creator = jurgen", "&recordSchema=cashl");
        assertEquals("https://ns.cashl.edu.cn/record/v1", value(cashl, "namespace-uri(//sru:recordData/*)"));
        Document string = search("1.2", "dc.creator = jurgen", "&recordPacking=string");
        assertTrue(value(string, "//srw:recordData").startsWith("<srw_dc:dc"), "escaped XML as text");
        Document escaped = search("2.0", "dc.creator = jurgen", "&recordXMLEscaping=string");
        assertEquals("string", value(escaped, "//sru:recordXMLEscaping"));
    }

    @Test
    void scanListsIndexValuesAroundATerm() throws Exception {
        Document scan = get("version=1.2&operation=scan&scanClause=" + q("dc.title = \"a history of france\"")
                + "&maximumTerms=5&responsePosition=3");
        List<String> terms = values(scan, "//srw:term/srw:value");
        assertEquals(5, terms.size());
        assertTrue(terms.get(1).compareTo("a history of france") < 0
                && terms.get(2).compareTo("a history of france") >= 0);
        values(scan, "//srw:term/srw:numberOfRecords").forEach(n -> assertTrue(Long.parseLong(n) > 0));
        Document two = get("version=2.0&scanClause=" + q("bath.possessingInstitution = a") + "&maximumTerms=3");
        assertEquals(3, values(two, "//scan:term/scan:value").size());
        Document first = get("version=1.2&operation=scan&scanClause=" + q("dc.date = 0") + "&maximumTerms=2");
        assertEquals("first", value(first, "//srw:term[1]/srw:whereInList"));
    }

    @Test
    void facetsComeWithWorkingDrillDownQueries() throws Exception {
        Document doc = get("version=2.0&query=" + q("dc.title = history") + "&maximumRecords=0&facetLimit="
                + q("5:bath.possessingInstitution,3:dc.date") + "&facetSort=" + q("count"));
        List<String> indexes = values(doc, "//fr:facet/fr:index");
        assertEquals(List.of("bath.possessingInstitution", "dc.date"), indexes);
        assertEquals(
                5,
                values(doc, "//fr:facet[fr:index='bath.possessingInstitution']//fr:term")
                        .size());
        String query = value(doc, "//fr:facet[fr:index='bath.possessingInstitution']//fr:term[1]/fr:query");
        long expected =
                Long.parseLong(value(doc, "//fr:facet[fr:index='bath.possessingInstitution']//fr:term[1]/fr:count"));
        assertEquals(expected, count(query));
        String url = value(doc, "//fr:facet[fr:index='dc.date']//fr:term[1]/fr:requestUrl");
        Document drilled = parse(send(HttpRequest.newBuilder(URI.create(url + "&maximumRecords=0")))
                .body());
        assertEquals(Long.parseLong(value(doc, "//fr:facet[fr:index='dc.date']//fr:term[1]/fr:count")), count(drilled));
    }

    @Test
    void jsonForMobileClients() throws Exception {
        ObjectMapper json = new ObjectMapper();
        HttpResponse<String> byParameter =
                send(HttpRequest.newBuilder(URI.create(base + "?version=1.2&operation=searchRetrieve&query="
                        + q("dc.creator = jurgen") + "&httpAccept=application/json")));
        assertTrue(byParameter.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        JsonNode body = json.readTree(byParameter.body());
        assertEquals(1, body.get("numberOfRecords").asInt());
        JsonNode record = body.get("records").get(0);
        assertEquals("Die Geschichte der Städte", record.get("title").asText());
        assertEquals("local", record.get("holdings").get(0).get("library").asText());
        assertTrue(record.get("data").asText().startsWith("<srw_dc:dc"));
        HttpResponse<String> byHeader = send(HttpRequest.newBuilder(URI.create(base + "?query=" + q("dc.title=")))
                .header("Accept", "application/json"));
        assertEquals(
                "info:srw/diagnostic/1/10",
                json.readTree(byHeader.body())
                        .get("diagnostics")
                        .get(0)
                        .get("uri")
                        .asText());
        HttpResponse<String> post = send(HttpRequest.newBuilder(URI.create(base))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("version=2.0&query=" + q("dc.creator = jurgen"))));
        assertEquals(1, count(parse(post.body())));
    }

    @Test
    void everyErrorIsItsDiagnostic() throws Exception {
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("version=1.2&operation=searchRetrieve&query=" + q("dc.title = (fish"), "10");
        cases.put("version=1.2&operation=searchRetrieve&query=" + q("dc.nosuch = x"), "16");
        cases.put("version=1.2&operation=searchRetrieve&query=" + q("foo.title = x"), "15");
        cases.put("version=1.2&operation=searchRetrieve&query=" + q("dc.title encloses x"), "19");
        cases.put("version=1.2&operation=searchRetrieve&query=" + q("dc.title within \"a b\""), "22");
        cases.put("version=1.2&operation=searchRetrieve&query=" + q("dc.title =/stem fish"), "20");
        cases.put("version=1.2&operation=searchRetrieve&query=" + q("a and/rel.sumOfScores b"), "46");
        cases.put("version=1.2&operation=searchRetrieve&query=" + q("a prox/unit=sentence b"), "42");
        cases.put("version=1.2&operation=searchRetrieve&query=" + q("dc.title = \"\""), "27");
        cases.put("version=1.2&operation=searchRetrieve&query=" + q("bath.isbn = 978*"), "28");
        cases.put("version=1.2&operation=searchRetrieve&query=" + q("dc.title = a^b"), "32");
        cases.put("version=1.2&operation=searchRetrieve&query=" + q("dc.date = soon"), "36");
        cases.put("version=1.2&operation=searchRetrieve&query=" + q("cql.resultSetId = nosuch"), "51");
        cases.put("version=1.2&operation=searchRetrieve&query=" + q("x sortby dc.subject"), "88");
        cases.put("version=1.2&operation=searchRetrieve&query=x&recordSchema=nosuch", "66");
        cases.put("version=1.2&operation=searchRetrieve&query=x&recordPacking=zip", "71");
        cases.put("version=1.2&operation=searchRetrieve&query=history&startRecord=100000", "61");
        cases.put("version=1.2&operation=searchRetrieve&query=x&maximumRecords=-1", "6");
        cases.put("version=1.2&operation=searchRetrieve&query=x&startRecord=0", "6");
        cases.put("version=1.2&operation=searchRetrieve", "7");
        cases.put("version=1.2&operation=delete", "4");
        cases.put("version=3.0&operation=explain", "5");
        cases.put("version=1.2&operation=searchRetrieve&query=x&junk=1", "8");
        cases.put("version=1.2&operation=searchRetrieve&query=x&sortKeys=dc.date", "8");
        cases.put("version=1.2&operation=searchRetrieve&query=x&query=y", "6");
        cases.put("version=2.0&query=x&queryType=pqf", "11");
        cases.put(
                "version=1.2&operation=scan&scanClause=" + q("dc.title = a") + "&maximumTerms=5&responsePosition=9",
                "120");
        cases.put("version=1.2&operation=scan&scanClause=" + q("cql.serverChoice = a"), "16");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            Document doc = get(c.getKey());
            assertEquals("info:srw/diagnostic/1/" + c.getValue(), diagnostic(doc), c.getKey());
            assertFalse(value(doc, "(//diag:message | //diag2:message)[1]").isEmpty());
        }
        Document two = get("version=2.0&query=" + q("dc.nosuch = x"));
        assertEquals(
                "info:srw/diagnostic/1/16", value(two, "//diag2:diagnostic/diag2:uri"), "2.0 diagnostics namespace");
        assertEquals("dc.nosuch", value(two, "//diag2:diagnostic/diag2:details"));
        Document capped = search("1.2", "cql.allRecords = 1", "&maximumRecords=5000");
        assertEquals("info:srw/diagnostic/1/6", diagnostic(capped), "capped, not refused");
        assertEquals(245, values(capped, "//srw:record").size());
    }
}
