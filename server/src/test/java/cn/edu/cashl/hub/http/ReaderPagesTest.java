package cn.edu.cashl.hub.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.edu.cashl.hub.server.Hub;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

/**
 * The reader's side on a running hub over real HTTP (docs/search.md), its catalogue written by the
 * import command from real records of the shared data (a Japanese book with its 880 parallel script,
 * a Hebrew one), a print journal with a JSTOR package licensed to pku, an open-access article of it
 * as its publisher's JATS, and 25 books for paging: the search page and record pages, the same hits
 * as SRU, facets, filters, paging past the end, the home library and language remembered in
 * cookies, citation export, OpenSearch (description, Atom, RSS, suggestions), the results as JSON,
 * the widget's script and builder, the resolver's full-text redirect, and hostile input answered
 * with pages, never a 500 or a reflected script.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReaderPagesTest {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path work;

    private Hub hub;
    private String base;

    @BeforeAll
    void startHub() throws Exception {
        hub = ReaderFixture.start(work);
        base = "http://127.0.0.1:" + hub.port();
    }

    @AfterAll
    void stopHub() {
        if (hub != null) {
            hub.close();
        }
    }

    @Test
    void theHomePageIsASearchFormThatWorksWithoutScript() throws Exception {
        HttpResponse<String> home = get("/", "Accept-Language", "zh-CN,zh;q=0.9");
        assertEquals(200, home.statusCode());
        assertTrue(home.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        String csp = home.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(csp.contains("script-src 'self'") && csp.contains("default-src 'none'"), csp);
        String page = home.body();
        assertTrue(page.startsWith("<!DOCTYPE html><html lang=\"zh-Hans\">"), page.substring(0, 80));
        assertTrue(page.contains("<form class=\"search\" role=\"search\" method=\"get\" action=\"/search\">"), page);
        assertTrue(
                page.contains(
                        "<link rel=\"search\" type=\"application/opensearchdescription+xml\" href=\"/opensearch.xml\""),
                page);
        assertFalse(page.contains("https://fonts.") || page.contains("cdn"), "nothing from other sites");
        assertTrue(get("/", "Accept-Language", "en-GB,en;q=0.8").body().contains("<html lang=\"en\">"));
        assertEquals(200, get("/search").statusCode(), "the form, when nothing is asked yet");
    }

    @Test
    void japaneseAndHebrewRecordsAreFoundByTheirOwnScript() throws Exception {
        String japanese = get("/search?q=" + encode("茶書")).body();
        assertTrue(japanese.contains("Nihon no chasho"), japanese);
        assertTrue(japanese.contains("<h2 id=\"hit-1\">"), japanese);
        assertEquals(
                1L,
                json("/search?format=json&q=" + encode("日本 の 茶書"))
                        .get("totalResults")
                        .asLong());
        String id = json("/search?format=json&q=" + encode("茶書"))
                .get("items")
                .get(0)
                .get("id")
                .asText();
        String record = get("/record/" + id).body();
        assertTrue(record.contains("日本 の 茶書"), "the 880 parallel title on the record page: " + record);
        JsonNode hebrew = json("/search?format=json&field=title&q=" + encode(hebrewWord()));
        assertEquals(1L, hebrew.get("totalResults").asLong(), hebrew::toString);
    }

    /** The first word of the Hebrew record's 880 title, as the crosswalk reads it. */
    private String hebrewWord() throws Exception {
        JsonNode all = json("/search?format=json&holding=gzu");
        String recordPage =
                get("/record/" + all.get("items").get(0).get("id").asText()).body();
        Matcher hebrew = Pattern.compile("[\\u05D0-\\u05EA]{2,}").matcher(recordPage);
        assertTrue(hebrew.find(), "Hebrew on the record page: " + recordPage);
        return hebrew.group();
    }

    @Test
    void thePageFindsWhatSruFindsForTheSameWords() throws Exception {
        for (String words : List.of("reading", "茶書", "China", "modern china")) {
            long page = json("/search?format=json&q=" + encode(words))
                    .get("totalResults")
                    .asLong();
            String sru = get("/sru?version=1.2&operation=searchRetrieve&maximumRecords=0&query="
                            + encode("cql.serverChoice all \"" + words + "\""))
                    .body();
            Matcher count = Pattern.compile("numberOfRecords>(\\d+)<").matcher(sru);
            assertTrue(count.find(), sru);
            assertEquals(Long.parseLong(count.group(1)), page, words);
            assertTrue(page > 0, words);
        }
    }

    @Test
    void facetsNarrowAndFiltersCanBeRemoved() throws Exception {
        String page = get("/search?q=China&lang=en").body();
        assertTrue(page.contains("<h2 id=\"facets-heading\">Narrow the results</h2>"), page);
        assertTrue(page.contains("/search?q=China&amp;holding=whu"), "a facet value narrows: " + page);
        JsonNode narrowed = json("/search?format=json&q=China&type=article");
        assertEquals(1, narrowed.get("totalResults").asInt());
        assertEquals(
                "Household registration and labour migration in reform-era China",
                narrowed.get("items").get(0).get("title").asText());
        String filtered = get("/search?q=China&type=article&lang=en").body();
        assertTrue(filtered.contains("<nav class=\"filters\" aria-label=\"Your filters\">"), filtered);
        assertTrue(filtered.contains("href=\"/search?q=China\" class=\"chip\""), "removing the filter: " + filtered);
    }

    @Test
    void pagesGoOnToTheLastAndPastIt() throws Exception {
        String first = get("/search?q=reading&size=10&sort=oldest&lang=en").body();
        assertTrue(first.contains("Results 1–10 of 25"), first);
        assertTrue(first.contains("rel=\"next\""), first);
        assertTrue(
                first.contains("href=\"/search?q=reading&amp;sort=oldest&amp;page=3&amp;size=10\""),
                "the last page: " + first);
        String last =
                get("/search?q=reading&size=10&sort=oldest&page=3&lang=en").body();
        assertTrue(last.contains("Results 21–25 of 25"), last);
        assertTrue(last.contains("Essays on reading 25"), last);
        assertFalse(last.contains("rel=\"next\""), last);
        HttpResponse<String> beyond = get("/search?q=reading&page=2000000&lang=en");
        assertEquals(200, beyond.statusCode());
        assertTrue(beyond.body().contains("There are no results on this page."), beyond.body());
    }

    @Test
    void theHomeLibraryAndTheLanguageAreRemembered() throws Exception {
        HttpResponse<String> chosen = get("/search?q=China&library=pku&lang=en");
        List<String> cookies = chosen.headers().allValues("Set-Cookie");
        assertTrue(
                cookies.stream()
                        .anyMatch(c -> c.startsWith("cashl_library=pku;")
                                && c.contains("HttpOnly")
                                && c.contains("SameSite=Lax")),
                cookies::toString);
        assertTrue(cookies.stream().anyMatch(c -> c.startsWith("cashl_lang=en;")), cookies::toString);
        HttpResponse<String> later = get("/search?q=China", "Cookie", "cashl_library=pku; cashl_lang=en");
        assertTrue(later.body().contains("<html lang=\"en\">"), "the language chosen before");
        assertTrue(later.body().contains("<option value=\"pku\" selected>"), "the library chosen before");
        assertTrue(later.body().contains("Online at your library"), "pku's JSTOR licence: " + later.body());
        HttpResponse<String> forgotten = get("/search?q=China&library=", "Cookie", "cashl_library=pku");
        assertTrue(forgotten.headers().allValues("Set-Cookie").stream()
                .anyMatch(c -> c.startsWith("cashl_library=;") && c.contains("Max-Age=0")));
        assertTrue(
                get("/search?q=China&library=nosuch").headers().allValues("Set-Cookie").stream()
                        .anyMatch(c -> c.startsWith("cashl_library=;")),
                "no member of that code: nothing remembered");
    }

    @Test
    void aRecordPageHasItsHoldingsInBothLanguagesAndItsWays() throws Exception {
        String journal = json("/search?format=json&q=" + encode("modern china") + "&type=journal")
                .get("items")
                .get(0)
                .get("id")
                .asText();
        String page = get("/record/" + journal + "?lang=zh&library=gzu").body();
        assertTrue(page.contains("<h1 id=\"title\""), page);
        assertTrue(
                page.contains("武汉大学图书馆 <span class=\"other-name\" lang=\"en\">Wuhan University Library</span>"), page);
        assertTrue(page.contains("D6 M689"), "the call number: " + page);
        assertTrue(page.contains("JSTOR Arts &amp; Sciences I"), "the electronic holding: " + page);
        assertTrue(page.contains("电子文献传递"), "gzu reaches pku's licence by delivery: " + page);
        assertTrue(
                page.contains("/oai?verb=GetRecord&amp;metadataPrefix=oai_dc&amp;identifier=oai%3Ahub.cashl.edu.cn%3A"
                        + journal.replace(":", "%3A")),
                page);
        assertTrue(page.contains("?format=ris"), page);
        HttpResponse<String> missing = get("/record/no-such-record");
        assertEquals(404, missing.statusCode());
        assertTrue(missing.body().contains("<h1>"), missing.body());
    }

    @Test
    void citationsAreExportedForReferenceManagers() throws Exception {
        String article = json("/search?format=json&type=article&q=China")
                .get("items")
                .get(0)
                .get("id")
                .asText();
        HttpResponse<String> ris = get("/record/" + article + "?format=ris");
        assertEquals(200, ris.statusCode());
        assertTrue(
                ris.headers().firstValue("Content-Type").orElse("").startsWith("application/x-research-info-systems"));
        assertTrue(ris.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment; filename="));
        assertTrue(ris.body().startsWith("TY  - JOUR\r\n"), ris.body());
        assertTrue(
                ris.body().contains("DO  - 10.1177/MCX.2020.46.3.245")
                        || ris.body().contains("DO  - 10.1177/mcx.2020.46.3.245"),
                ris.body());
        assertTrue(get("/record/" + article + "?format=bibtex").body().startsWith("@article{"));
        JsonNode csl =
                JSON.readTree(get("/record/" + article + "?format=csl-json").body());
        assertEquals("article-journal", csl.get(0).get("type").asText());
        assertEquals("Modern China", csl.get(0).get("container-title").asText());
    }

    @Test
    void openSearchDescribesTheSearchAndAnswersInAtomRssAndSuggestions() throws Exception {
        HttpResponse<String> description = get("/opensearch.xml");
        assertTrue(description
                .headers()
                .firstValue("Content-Type")
                .orElse("")
                .startsWith("application/opensearchdescription+xml"));
        Document xml = parse(description.body());
        Element root = xml.getDocumentElement();
        assertEquals("http://a9.com/-/spec/opensearch/1.1/", root.getNamespaceURI());
        assertTrue(
                root.getElementsByTagName("ShortName").item(0).getTextContent().length() <= 16);
        List<String> types =
                List.of("text/html", "application/atom+xml", "application/rss+xml", "application/x-suggestions+json");
        for (String type : types) {
            boolean found = false;
            for (int i = 0; i < root.getElementsByTagName("Url").getLength(); i++) {
                Element url = (Element) root.getElementsByTagName("Url").item(i);
                if (url.getAttribute("type").equals(type)) {
                    found = true;
                    assertTrue(url.getAttribute("template").startsWith(base + "/"), url.getAttribute("template"));
                    assertTrue(url.getAttribute("template").contains("{searchTerms}"));
                }
            }
            assertTrue(found, type);
        }

        HttpResponse<String> atom = get("/search?q=reading&size=10&page=2&format=atom");
        assertTrue(atom.headers().firstValue("Content-Type").orElse("").startsWith("application/atom+xml"));
        Document feed = parse(atom.body());
        String os = "http://a9.com/-/spec/opensearch/1.1/";
        assertEquals(
                "25", feed.getElementsByTagNameNS(os, "totalResults").item(0).getTextContent());
        assertEquals("11", feed.getElementsByTagNameNS(os, "startIndex").item(0).getTextContent());
        assertEquals(
                "10", feed.getElementsByTagNameNS(os, "itemsPerPage").item(0).getTextContent());
        assertEquals(
                "reading", ((Element) feed.getElementsByTagNameNS(os, "Query").item(0)).getAttribute("searchTerms"));
        assertEquals(
                10,
                feed.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry")
                        .getLength());
        assertTrue(
                atom.body().contains("rel=\"next\"")
                        && atom.body().contains("rel=\"previous\"")
                        && atom.body().contains("rel=\"last\""),
                atom.body());
        assertTrue(atom.body().contains("page=3&amp;size=10&amp;format=atom"), atom.body());

        Document rss = parse(get("/search?q=reading&format=rss").body());
        assertEquals("2.0", rss.getDocumentElement().getAttribute("version"));
        assertEquals(
                "25", rss.getElementsByTagNameNS(os, "totalResults").item(0).getTextContent());
        assertEquals(20, rss.getElementsByTagName("item").getLength());

        HttpResponse<String> suggestions = get("/suggest?q=" + encode("nihon no ch"));
        assertTrue(suggestions
                .headers()
                .firstValue("Content-Type")
                .orElse("")
                .startsWith("application/x-suggestions+json"));
        assertEquals(
                "*",
                suggestions.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
        JsonNode suggested = JSON.readTree(suggestions.body());
        assertEquals("nihon no ch", suggested.get(0).asText());
        assertEquals("Nihon no chasho", suggested.get(1).get(0).asText(), suggestions.body());
        assertEquals(suggested.get(1).size(), suggested.get(3).size());
        assertEquals(0, JSON.readTree(get("/suggest?q=n").body()).get(1).size());
        assertEquals(406, get("/search?q=reading&format=pdf").statusCode());
    }

    @Test
    void theResultsAsJsonAreForOtherSites() throws Exception {
        HttpResponse<String> answer = get("/search?q=China&format=json&library=pku&lang=en");
        assertEquals(
                "*", answer.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
        assertTrue(answer.headers().allValues("Set-Cookie").isEmpty(), "no cookie for other sites");
        JsonNode page = JSON.readTree(answer.body());
        for (JsonNode item : page.get("items")) {
            assertTrue(item.get("url").asText().startsWith(base + "/record/"), item::toString);
            assertTrue(item.get("ways").asText().startsWith(base + "/openurl?"), item::toString);
            assertTrue(item.get("availability").get("labels").size() > 0);
        }
        JsonNode article = json("/search?format=json&type=article&q=China&library=pku");
        String fullText = article.get("items").get(0).get("fullText").asText();
        assertTrue(fullText.contains("svc.fulltext=yes"), fullText);
    }

    @Test
    void theFullTextLinkGoesStraightToTheText() throws Exception {
        String fullText = json("/search?format=json&type=article&q=China")
                .get("items")
                .get(0)
                .get("fullText")
                .asText();
        HttpResponse<String> go =
                HTTP.send(HttpRequest.newBuilder(URI.create(fullText)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(303, go.statusCode(), go::body);
        assertTrue(
                go.headers().firstValue("Location").orElse("").equalsIgnoreCase(ReaderFixture.OPEN_ACCESS_URL),
                go.headers()::toString);
        String book = json("/search?format=json&q=reading")
                .get("items")
                .get(0)
                .get("ways")
                .asText();
        HttpResponse<String> page = get(
                book.substring(base.length()) + "&svc_val_fmt=info%3Aofi%2Ffmt%3Akev%3Amtx%3Asch_svc&svc.fulltext=yes");
        assertEquals(200, page.statusCode(), "no link to the text: the resolver's page");
    }

    @Test
    void theWidgetScriptIsSmallCachedAndOpenToOtherSites() throws Exception {
        HttpResponse<byte[]> script = HTTP.send(
                HttpRequest.newBuilder(URI.create(base + "/widget/cashl-search.js"))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, script.statusCode());
        assertTrue(script.headers().firstValue("Content-Type").orElse("").startsWith("text/javascript"));
        assertEquals(
                "*", script.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
        assertTrue(script.headers().firstValue("Cache-Control").orElse("").contains("max-age="));
        ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(gzipped)) {
            gzip.write(script.body());
        }
        assertTrue(gzipped.size() <= 15 * 1024, "the search box is at most 15 KB gzipped: " + gzipped.size());
        String tag = script.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> again = get("/widget/cashl-search.js", "If-None-Match", tag);
        assertEquals(304, again.statusCode());

        HttpResponse<String> folder = get("/widget");
        assertEquals(303, folder.statusCode());
        assertEquals(
                "/widget/",
                URI.create(folder.headers().firstValue("Location").orElseThrow())
                        .getPath());
        String builder = get("/widget/?library=pku&lang=en&target=inline&accent=%23aa3300")
                .body();
        assertTrue(
                builder.contains(
                        "&lt;cashl-search library=&quot;pku&quot; lang=&quot;en&quot; target=&quot;inline&quot;&gt;"),
                builder);
        assertTrue(builder.contains("--cashl-accent: #aa3300"), builder);
        String snippet = get("/widget/snippet?library=pku&lang=zh").body();
        assertTrue(
                snippet.startsWith("<script type=\"module\" src=\"" + base + "/widget/cashl-search.js\"></script>\n"),
                snippet);
        assertTrue(
                snippet.contains("<form action=\"" + base + "/search\" method=\"get\">"),
                "the fallback form: " + snippet);
        assertTrue(
                get("/widget/snippet?library=%3Cscript%3E").body().contains("<cashl-search lang=\"zh\">"),
                "an unknown library is left out");
        assertEquals(200, get("/assets/search.css").statusCode());
        int upwards = get("/assets/..%2Fadmin-ui%2Findex.html").statusCode();
        assertTrue(upwards == 400 || upwards == 404, "no way out of the assets: " + upwards);
        assertEquals(404, get("/assets/nothing.js").statusCode());
    }

    @Test
    void hostileInputGetsPagesNeverAnErrorOrAScript() throws Exception {
        for (String query : List.of(
                "q=" + encode("<script>alert(1)</script>"),
                "q=" + encode("\")) or ((\""),
                "q=%E4%B8",
                "q=a&sort=" + encode("<b>") + "&size=-5&page=" + "9".repeat(30),
                "q=" + "x".repeat(5000),
                "holding=" + encode("\" onmouseover=\"alert(1)"),
                "field=isbn-issn&q=" + encode("***"))) {
            HttpResponse<String> page = get("/search?" + query);
            assertTrue(page.statusCode() == 200, query + ": " + page.statusCode());
            assertFalse(page.body().contains("<script>alert"), query);
            assertFalse(page.body().contains("\" onmouseover=\"alert"), query);
        }
    }

    private HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode json(String path) throws Exception {
        HttpResponse<String> response = get(path);
        assertEquals(200, response.statusCode(), response::body);
        return JSON.readTree(response.body());
    }

    /** A well-formed XML document, parsed with namespaces, no DTD allowed. */
    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
