package cn.edu.cashl.hub.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.edu.cashl.hub.admin.efirst.LenderWeightStore;
import cn.edu.cashl.hub.cli.TestHubs;
import cn.edu.cashl.hub.config.HubConfig;
import cn.edu.cashl.hub.db.Database;
import cn.edu.cashl.hub.server.DemoHub;
import cn.edu.cashl.hub.server.Hub;
import cn.edu.cashl.hub.testkit.KbartLists;
import cn.edu.cashl.hub.testkit.PrintJournals;
import cn.edu.cashl.hub.testkit.ProjectRoot;
import cn.edu.cashl.hub.testkit.TestData;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OpenURL resolver over HTTP on a running hub, its catalogue written by the import command: a
 * print journal (whu, nenu) with JSTOR (pku, fudan: a gap from 1941 to 1949, a five-year moving
 * wall, electronic delivery allowed) and Business Source (ecnu, no electronic delivery); a book in
 * print at a centre library, a service library and a library that does not lend; an open-access
 * journal also in a consortium package behind a one-year wall; pku weighs 2.0 as a lender. Each
 * hand-worked citation's answer
 * is checked; every example request of the shared data is read, none a 500; JSON, page, POST,
 * CORS and the explanations of what cannot be resolved.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenUrlResolverTest {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int YEAR = LocalDate.now().getYear();
    private static final String PKU_ILL = "https://ill.pku.example/openurl?sid=cashl";
    private static final String PKU_PROXY = "https://proxy.pku.example/login?url=";

    private static final String SOURCES = """
            sources:
              - id: pku
                type: file
                name: Peking University Library
                nameZh: 北京大学图书馆
                tier: centre
                illBaseUrl: https://ill.pku.example/openurl?sid=cashl
              - id: fudan
                type: file
                name: Fudan University Library
                nameZh: 复旦大学图书馆
                tier: centre
              - id: whu
                type: file
                name: Wuhan University Library
                nameZh: 武汉大学图书馆
                tier: centre
                illBaseUrl: https://ill.whu.example/illiad.dll/OpenURL
              - id: ecnu
                type: file
                name: East China Normal University Library
                nameZh: 华东师范大学图书馆
                tier: service
              - id: nenu
                type: file
                name: Northeast Normal University Library
                nameZh: 东北师范大学图书馆
                tier: service
                illBaseUrl: https://ill.nenu.example/openurl
              - id: local
                type: file
                name: Local imports
              - id: jstor-as1
                type: kbart
                url: https://example.org/jstor.txt
                package: JSTOR Arts & Sciences I
                libraries: [pku, fudan]
                illElectronic: true
                proxy:
                  pku: "https://proxy.pku.example/login?url="
              - id: bsc
                type: kbart
                url: https://example.org/bsc.txt
                package: Business Source Complete
                libraries: [ecnu]
                illElectronic: false
              - id: proquest-hss
                type: kbart
                url: https://example.org/pq.txt
                package: ProQuest Social Science Premium
                libraries: [all]
                proxy:
                  pku: "https://proxy.pku.example/login?url="
              - id: doaj
                type: kbart
                url: https://example.org/doaj.txt
                package: DOAJ
                libraries: [all]
                openAccess: true
            """;

    private static final String AER_PRINT = PrintJournals.americanEconomicReview("whu", "nenu");

    private static final String BOOK_PRINT = """
            <collection xmlns="http://www.loc.gov/MARC21/slim"><record>
              <leader>00000cam a2200000 a 4500</leader>
              <controlfield tag="001">sparta-1</controlfield>
              <controlfield tag="008">000101s2000    enk           000 0 eng d</controlfield>
              <datafield tag="020" ind1=" " ind2=" "><subfield code="a">0715630407</subfield></datafield>
              <datafield tag="050" ind1="0" ind2="0"><subfield code="a">DF261.S8</subfield></datafield>
              <datafield tag="100" ind1="1" ind2=" "><subfield code="a">Hodkinson, Stephen.</subfield></datafield>
              <datafield tag="245" ind1="1" ind2="0"><subfield code="a">Property and wealth in classical Sparta /</subfield></datafield>
              <datafield tag="260" ind1=" " ind2=" "><subfield code="a">London :</subfield>
                <subfield code="b">Duckworth,</subfield><subfield code="c">2000.</subfield></datafield>
              <datafield tag="651" ind1=" " ind2="0"><subfield code="a">Sparta (Extinct city)</subfield>
                <subfield code="x">History.</subfield></datafield>
              <datafield tag="852" ind1=" " ind2=" "><subfield code="a">ecnu</subfield>
                <subfield code="h">K125 H78</subfield></datafield>
              <datafield tag="852" ind1=" " ind2=" "><subfield code="a">whu</subfield>
                <subfield code="h">K125/H78</subfield></datafield>
              <datafield tag="852" ind1=" " ind2=" "><subfield code="a">local</subfield>
                <subfield code="h">X1</subfield></datafield>
            </record></collection>
            """;

    private static final String KBART_HEADER = KbartLists.HEADER.replace("\n", "\r\n");

    private static final String JSTOR = KBART_HEADER
            + "The American Economic Review\t0002-8282\t1944-7981\t1911-03\t1\t1\t1940-12\t30\t4\t"
            + "https://www.jstor.org/journal/amerecorevi\t\tamerecorevi\t\tfulltext\t\t"
            + "American Economic Association\tserial\r\n"
            + "The American Economic Review\t0002-8282\t1944-7981\t1950\t40\t\t\t\t\t"
            + "https://www.jstor.org/journal/amerecorevi\t\tamerecorevi\tR5Y\tfulltext\t\t"
            + "American Economic Association\tserial\r\n";

    private static final String BSC = KBART_HEADER
            + "The American Economic Review\t0002-8282\t1944-7981\t1990\t80\t\t\t\t\t"
            + "https://search.ebscohost.com/direct.asp?db=bth&jid=AER\t\tAER\t\tfulltext\t\t"
            + "American Economic Association\tserial\r\n";

    private static final String DOAJ = KBART_HEADER
            + "Journal of Open Economics\t\t2000-0006\t2000\t1\t\t\t\t\t"
            + "https://example.org/joe\t\tjoe\t\tfulltext\t\tOpen Press\tserial\r\n";

    private static final String PROQUEST = KBART_HEADER
            + "Journal of Open Economics\t\t2000-0006\t1995\t\t\t\t\t\t"
            + "https://www.proquest.com/publication/joe\t\tpq-joe\tR1Y\tfulltext\t\tOpen Press\tserial\r\n";

    @TempDir
    static Path work;

    private Hub hub;
    private String base;

    @BeforeAll
    void startHub() throws Exception {
        Path data = work.resolve("data");
        Path config = ProjectRoot.find().resolve("config/cashl-hub.yaml");
        Path sources = write("sources.yaml", SOURCES);
        DemoHub.importFile(config, data, sources, "whu", "auto", write("aer.xml", AER_PRINT));
        DemoHub.importFile(config, data, sources, "ecnu", "auto", write("sparta.xml", BOOK_PRINT));
        DemoHub.importFile(config, data, sources, "jstor-as1", "kbart", write("jstor.txt", JSTOR));
        DemoHub.importFile(config, data, sources, "bsc", "kbart", write("bsc.txt", BSC));
        DemoHub.importFile(config, data, sources, "doaj", "kbart", write("doaj.txt", DOAJ));
        DemoHub.importFile(config, data, sources, "proquest-hss", "kbart", write("pq.txt", PROQUEST));
        HubConfig hubConfig = DemoHub.loopback(config, data);
        // pku lends before fudan, its fellow centre library, as consortium staff set it in the admin.
        try (Database database = Database.open(hubConfig.db(), data)) {
            new LenderWeightStore(database.dataSource(), Clock.systemUTC()).set("pku", 2.0, "fast", "staff");
        }
        hub = Hub.start(hubConfig, data, TestHubs.harvesting(config, sources));
        base = "http://127.0.0.1:" + hub.port() + "/openurl";
    }

    @AfterAll
    void stopHub() {
        if (hub != null) {
            hub.close();
        }
    }

    private static Path write(String name, String text) throws Exception {
        return Files.writeString(work.resolve(name), text);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** GET with the query as given (already encoded), JSON asked for by the Accept header. */
    private JsonNode json(String query, int status) throws Exception {
        HttpResponse<String> response =
                send(HttpRequest.newBuilder(URI.create(base + "?" + query)).header("Accept", "application/json"));
        assertEquals(status, response.statusCode(), response::body);
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertEquals(
                "*",
                response.headers().firstValue("Access-Control-Allow-Origin").orElse(""),
                "CORS");
        JsonNode answer = JSON.readTree(response.body());
        assertShape(answer);
        return answer;
    }

    private JsonNode json(String query) throws Exception {
        return json(query, 200);
    }

    private static final List<String> TOP = List.of("citation", "matches", "options", "excluded");
    private static final List<String> MATCH = List.of("id", "title", "type");
    private static final List<String> OPTION = List.of("rank", "kind", "library", "url", "reason", "coverage");
    private static final Set<String> KINDS =
            Set.of("open-access", "electronic", "electronic-delivery", "print", "print-delivery", "ill");

    /** Exactly the documented keys, in order; options ranked 1, 2, 3... by kind. */
    private static void assertShape(JsonNode answer) {
        assertEquals(TOP, names(answer), answer::toString);
        assertTrue(answer.get("citation").isObject());
        for (JsonNode match : answer.get("matches")) {
            assertEquals(MATCH, names(match));
        }
        int rank = 0;
        for (JsonNode option : answer.get("options")) {
            assertEquals(OPTION, names(option));
            assertEquals(++rank, option.get("rank").asInt());
            assertTrue(KINDS.contains(option.get("kind").asText()), option::toString);
            assertFalse(option.get("reason").asText().isEmpty());
        }
        for (JsonNode excluded : answer.get("excluded")) {
            List<String> keys = names(excluded);
            assertEquals(List.of("kind", "library", "reason", "coverage"), keys.subList(0, 4), excluded::toString);
            assertTrue(keys.size() == 4 || keys.size() == 5 && keys.get(4).equals("availableOn"));
            assertTrue(KINDS.contains(excluded.get("kind").asText()));
        }
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        Iterator<String> it = node.fieldNames();
        it.forEachRemaining(names::add);
        return names;
    }

    /** Each option as "kind library reason". */
    private static List<String> options(JsonNode answer) {
        List<String> options = new ArrayList<>();
        answer.get("options")
                .forEach(o -> options.add(o.get("kind").asText() + " "
                        + o.get("library").asText() + " " + o.get("reason").asText()));
        return options;
    }

    private static List<String> excluded(JsonNode answer) {
        List<String> excluded = new ArrayList<>();
        answer.get("excluded")
                .forEach(e -> excluded.add(e.get("kind").asText() + " "
                        + e.get("library").asText() + " " + e.get("reason").asText()));
        return excluded;
    }

    private static String q(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static final String AER_2010 = "url_ver=Z39.88-2004&ctx_ver=Z39.88-2004&rft.genre=article"
            + "&rft.jtitle=American+Economic+Review&rft.issn=0002-8282&rft.date=2010&rft.volume=100&rft.issue=2"
            + "&rft.spage=1&rft.atitle=Growth+in+a+time+of+debt";

    @Test
    void theHomeLibrarysLicenceFirstThenDeliveryThenPrintThenIll() throws Exception {
        JsonNode answer = json(AER_2010 + "&library=pku");
        assertEquals(
                List.of(
                        "electronic pku covered",
                        "electronic-delivery fudan covered",
                        "print-delivery whu centre-library",
                        "print-delivery nenu service-library",
                        "ill pku ill-request"),
                options(answer));
        JsonNode own = answer.get("options").get(0);
        assertEquals(
                PKU_PROXY + "https://www.jstor.org/openurl?issn=0002-8282&volume=100&issue=2&spage=1",
                own.get("url").asText());
        assertEquals("v.40 (1950)- (moving wall R5Y)", own.get("coverage").asText());
        JsonNode delivery = answer.get("options").get(1);
        assertTrue(delivery.get("url").asText().startsWith(PKU_ILL + "&url_ver=Z39.88-2004"));
        assertTrue(delivery.get("url").asText().endsWith("&cashl.lender=fudan&cashl.delivery=electronic"));
        assertEquals("F0 A512", answer.get("options").get(2).get("coverage").asText());
        assertTrue(answer.get("options").get(4).get("url").asText().contains("&rft.atitle=Growth%20in%20a%20time"));
        assertEquals(List.of("electronic-delivery ecnu no-ill-rights"), excluded(answer));
        assertEquals(
                "v.80 (1990)-", answer.get("excluded").get(0).get("coverage").asText());

        assertEquals(1, answer.get("matches").size(), "the print journal, which the title lists joined");
        assertEquals("journal", answer.get("matches").get(0).get("type").asText());
        JsonNode citation = answer.get("citation");
        assertEquals("pku", citation.get("library").asText());
        assertEquals("1.0", citation.get("version").asText());
        assertEquals("0002-8282", citation.get("issns").get(0).asText());
    }

    @Test
    void anEmbargoedYearIsRuledOutUntilTheDayTheWallPassesIt() throws Exception {
        // R5Y: the wall is 1 January four years back; last year lifts when it leaves the last five years.
        JsonNode answer = json("rft.issn=0002-8282&rft.date=" + (YEAR - 1) + "&req_id=pku");
        String until = (YEAR + 4) + "-01-01";
        assertEquals(
                List.of(
                        "print-delivery whu centre-library",
                        "print-delivery nenu service-library",
                        "ill pku ill-request"),
                options(answer));
        assertEquals(
                List.of(
                        "electronic pku embargoed until " + until,
                        "electronic-delivery ecnu no-ill-rights",
                        "electronic-delivery fudan embargoed until " + until),
                excluded(answer));
        assertEquals(until, answer.get("excluded").get(0).get("availableOn").asText());
    }

    @Test
    void aYearInTheGapLeavesTheShelf() throws Exception {
        JsonNode answer = json("issn=0002-8282&date=1945&genre=article&library=whu");
        assertEquals(
                List.of("print whu held-in-print", "print-delivery nenu service-library", "ill whu ill-request"),
                options(answer));
        assertEquals(
                List.of(
                        "electronic-delivery ecnu before-coverage",
                        "electronic-delivery fudan in-gap",
                        "electronic-delivery pku in-gap"),
                excluded(answer));
        assertEquals(
                "v.1:no.1 (1911-03)-v.30:no.4 (1940-12)",
                answer.get("excluded").get(1).get("coverage").asText());
    }

    @Test
    void aBookOnlyInPrintByTitleOrIsbn() throws Exception {
        List<String> expected = List.of(
                "print-delivery whu centre-library", "print-delivery ecnu service-library", "ill pku ill-request");
        JsonNode byIsbn = json("rft.genre=book&rft.isbn=0715630407&library=pku");
        assertEquals(expected, options(byIsbn));
        assertEquals(List.of("print-delivery local not-a-lender"), excluded(byIsbn));
        assertEquals("K125/H78", byIsbn.get("options").get(0).get("coverage").asText());
        JsonNode byTitle =
                json("rft.genre=book&rft.btitle=" + q("Property and wealth in classical Sparta /") + "&library=pku");
        assertEquals(expected, options(byTitle));
        assertEquals(
                List.of("print ecnu held-in-print", "print-delivery whu centre-library"),
                options(json("genre=book&isbn=9780715630402&library=ecnu")),
                "the reader's own shelf first; ecnu has no ILL system");
    }

    @Test
    void anotherMembersLicenceByDeliveryTheLendersInTheStaffsOrder() throws Exception {
        JsonNode answer = json(AER_2010 + "&library=nenu");
        assertEquals(
                List.of(
                        "electronic-delivery pku covered",
                        "electronic-delivery fudan covered",
                        "print nenu held-in-print",
                        "print-delivery whu centre-library",
                        "ill nenu ill-request"),
                options(answer),
                "pku weighs 2.0 in the lenders' table: before fudan, which the code alone would put first");
        assertTrue(answer.get("options").get(0).get("url").asText().startsWith("https://ill.nenu.example/openurl?"));
        assertEquals(List.of("electronic-delivery ecnu no-ill-rights"), excluded(answer));
    }

    @Test
    void nothingAnywhereLeavesTheIllRequest() throws Exception {
        JsonNode answer = json("rft.issn=1234-5679&rft.jtitle=Journal+of+nowhere&rft.date=2001&library=pku");
        assertEquals(List.of("ill pku ill-request"), options(answer));
        assertEquals(0, answer.get("matches").size());
        JsonNode nobody = json("rft.issn=1234-5679&rft.date=2001");
        assertEquals(List.of(), options(nobody));
        assertEquals(List.of("ill null no-home-library"), excluded(nobody));
    }

    @Test
    void openAccessThenTheConsortiumsLicenceThroughTheHomeProxy() throws Exception {
        JsonNode answer = json("rft.issn=2000-0006&rft.date=2010&rft_id=info:doi/10.9999/joe.2010.7&library=pku");
        assertEquals(
                List.of("open-access cashl covered", "electronic cashl covered", "ill pku ill-request"),
                options(answer));
        assertEquals(
                "https://doi.org/10.9999/joe.2010.7",
                answer.get("options").get(0).get("url").asText());
        assertEquals(
                PKU_PROXY + "https://doi.org/10.9999/joe.2010.7",
                answer.get("options").get(1).get("url").asText());
        JsonNode thisYear = json("rft.issn=2000-0006&rft.date=" + YEAR + "&library=nenu");
        assertEquals(List.of("open-access cashl covered", "ill nenu ill-request"), options(thisYear));
        assertEquals(List.of("electronic cashl embargoed until " + (YEAR + 1) + "-01-01"), excluded(thisYear));
        assertEquals(
                "https://www.proquest.com/publication/joe",
                json("rft.issn=2000-0006&rft.date=2010&library=fudan")
                        .get("options")
                        .get(1)
                        .get("url")
                        .asText(),
                "fudan has no proxy for the package");
    }

    @Test
    void thePageLeadsWithOneLinkInTheReadersLanguage() throws Exception {
        HttpResponse<String> zh = send(HttpRequest.newBuilder(URI.create(base + "?" + AER_2010 + "&library=pku"))
                .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
                .header("Accept-Language", "zh-CN,zh;q=0.9,en;q=0.8"));
        assertEquals(200, zh.statusCode());
        assertTrue(zh.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        String policy = zh.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(policy.startsWith("default-src 'none'; style-src 'sha256-"), policy);
        String page = zh.body();
        assertTrue(page.contains("<html lang=\"zh-Hans\">"));
        int best = page.indexOf("<a class=\"go\" href=\"" + PKU_PROXY + "https://www.jstor.org/openurl?issn=0002-8282");
        assertTrue(best > 0, page);
        assertTrue(page.indexOf("本馆电子资源：北京大学图书馆 · JSTOR Arts &amp; Sciences I") > best);
        assertTrue(page.contains("纸本文献传递：武汉大学图书馆"));
        assertTrue(page.contains("<summary>已排除的途径 (1)</summary>"));
        assertEquals(1, page.split("class=\"go\"", -1).length - 1, "one prominent link");

        HttpResponse<String> en =
                send(HttpRequest.newBuilder(URI.create(base + "?" + AER_2010 + "&library=pku&lang=en"))
                        .header("Accept-Language", "zh-CN"));
        assertTrue(en.body().contains("<html lang=\"en\">"), "lang= wins over Accept-Language");
        assertTrue(en.body().contains("Electronic document delivery: Fudan University Library"));
        assertTrue(en.body().contains("lang=zh\" lang=\"zh\" hreflang=\"zh\">中文</a>"));
        HttpResponse<String> json = send(HttpRequest.newBuilder(URI.create(base + "?" + AER_2010 + "&format=json")));
        assertTrue(json.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), "format=json");
    }

    @Test
    void aFormPostIsReadAsTheQueryWouldBe() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + "?format=json"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(AER_2010 + "&library=pku")));
        assertEquals(200, response.statusCode(), response::body);
        JsonNode answer = JSON.readTree(response.body());
        assertShape(answer);
        assertEquals("electronic pku covered", options(answer).get(0));
    }

    @Test
    void anEmptyOrUnreadableRequestIsExplainedNeverA500() throws Exception {
        JsonNode empty = json("format=json", 400);
        assertEquals("empty-request", empty.get("citation").get("problem").asText());
        assertTrue(empty.get("citation").get("explanation").asText().startsWith("The request is empty"));
        JsonNode nothing = json("url_ver=Z39.88-2004&rft.genre=article&rft.date=2001&library=pku", 400);
        assertEquals(
                "nothing-to-look-for", nothing.get("citation").get("problem").asText());

        HttpResponse<String> page =
                send(HttpRequest.newBuilder(URI.create(base)).header("Accept-Language", "en"));
        assertEquals(400, page.statusCode());
        assertTrue(page.body().contains("The request is empty"));
        assertTrue(page.body().contains("<form method=\"get\">"));

        for (String broken : List.of(
                "%zz%&issn=%",
                "??genre=article&issn=10090592&title=%5Cu6cd5%5Cu5236&library=pku",
                "rft_id=&rft_id=&rft.jtitle=%7B%7Bcontrol/%3Cprovider_id%3E%7D%7D",
                "rft.date=not-a-date&rft.issn=0002-8282&rft.volume=S1",
                "=&&=x&rft.isbn=x",
                "library=%00&rft.issn=0002-8282")) {
            String[] response = raw("/openurl?" + broken);
            assertTrue(response[0].contains(" 200 ") || response[0].contains(" 400 "), broken + ": " + response[0]);
            assertShape(JSON.readTree(response[1]));
        }
        HttpResponse<String> oddAccept = send(
                HttpRequest.newBuilder(URI.create(base + "?issn=0002-8282")).header("Accept", ";;;, / ,q=x"));
        assertNotEquals(500, oddAccept.statusCode());
    }

    @Test
    void corsPreflightIsAnswered() throws Exception {
        HttpResponse<String> response =
                send(HttpRequest.newBuilder(URI.create(base)).method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
        assertEquals(204, response.statusCode());
        assertEquals(
                "*",
                response.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
    }

    @Test
    void everyExampleRequestOfTheSharedDataIsAnsweredNeverA500() throws Exception {
        Assumptions.assumeTrue(TestData.available(), "the shared test data is absent");
        List<String> lines = new ArrayList<>(Files.readAllLines(
                TestData.file("openurl/openurl-link-resolver-sampler/100-random-nyu-getit-resolve-openurls.txt"),
                StandardCharsets.UTF_8));
        for (String file : List.of("example1.openurl", "new-school1.openurl")) {
            lines.add(Files.readString(TestData.file("openurl/listener-openurl/" + file), StandardCharsets.UTF_8));
        }
        int answered = 0;
        int explained = 0;
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            String raw = line.strip();
            String query = raw.indexOf('?') < 0 ? raw : raw.substring(raw.indexOf('?') + 1);
            HttpResponse<String> get = send(HttpRequest.newBuilder(URI.create(base + "?" + uriSafe(query)))
                    .header("Accept", "application/json"));
            HttpResponse<String> post = send(HttpRequest.newBuilder(URI.create(base + "?format=json"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(query)));
            for (HttpResponse<String> response : List.of(get, post)) {
                assertTrue(
                        response.statusCode() == 200 || response.statusCode() == 400,
                        () -> response.statusCode() + " for " + raw + "\n" + response.body());
                JsonNode answer = JSON.readTree(response.body());
                assertShape(answer);
                if (response.statusCode() == 400) {
                    assertFalse(
                            answer.get("citation").get("explanation").asText().isEmpty());
                }
            }
            explained += get.statusCode() == 400 ? 1 : 0;
            answered++;
            HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(base + "?" + uriSafe(query))));
            assertTrue(page.statusCode() == 200 || page.statusCode() == 400, raw);
            assertTrue(page.body().startsWith("<!DOCTYPE html>"));
        }
        System.out.printf(
                "OpenURL over HTTP: %d real requests answered, %d explained as unreadable%n", answered, explained);
        assertEquals(102, answered);
        assertTrue(explained <= 2, "the requests that name nothing to look for: " + explained);
    }

    /**
     * A GET sent byte for byte as written, which no URI class would let through (a % that starts no
     * escape): HTTP/1.0, so that the body ends with the connection. The status line and the body.
     */
    private String[] raw(String target) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", hub.port())) {
            socket.setSoTimeout(60_000);
            socket.getOutputStream()
                    .write(("GET " + target + " HTTP/1.0\r\nHost: 127.0.0.1\r\nAccept: application/json\r\n\r\n")
                            .getBytes(StandardCharsets.UTF_8));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int body = response.indexOf("\r\n\r\n");
            return new String[] {response.substring(0, response.indexOf("\r\n")), response.substring(body + 4)};
        }
    }

    /**
     * A query as a URI takes it: what the URI syntax refuses (raw spaces, braces, backslashes,
     * non-ASCII, a % that starts no escape) percent-encoded, everything else as the source sent it.
     */
    private static String uriSafe(String query) {
        StringBuilder safe = new StringBuilder();
        byte[] bytes = query.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            int c = bytes[i] & 0xff;
            boolean escape = c == '%' && i + 2 < bytes.length && isHex(bytes[i + 1]) && isHex(bytes[i + 2]);
            if (escape || c > 0x20 && c < 0x7f && "\"<>\\^`{|}% ".indexOf(c) < 0) {
                safe.append((char) c);
            } else {
                safe.append('%').append(String.format("%02X", c));
            }
        }
        return safe.toString();
    }

    private static boolean isHex(byte b) {
        return Character.digit(b, 16) >= 0;
    }
}
