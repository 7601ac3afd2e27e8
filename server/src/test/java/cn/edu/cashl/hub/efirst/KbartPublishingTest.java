package cn.edu.cashl.hub.efirst;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.edu.cashl.hub.server.DemoHub;
import cn.edu.cashl.hub.server.Hub;
import cn.edu.cashl.hub.testkit.KbartLists;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * KBART lists imported with {@code ./cashl-hub import --format kbart} through the shipped package
 * sources, then served: the electronic holdings are in every published format, SRU finds them by
 * {@code cashl.access} and holding library, OAI-PMH lists them in the access sets.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KbartPublishingTest {

    private static final String HEADER = KbartLists.HEADER;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern COUNT = Pattern.compile("numberOfRecords>(\\d+)<");

    private Hub hub;
    private String base;

    @BeforeAll
    void start(@TempDir Path work) throws Exception {
        Path data = work.resolve("data");
        Path config = DemoHub.importDemo(data);
        Path jstor = work.resolve("jstor.txt");
        Files.writeString(
                jstor,
                HEADER + "Journal of Asian Studies\t0021-9118\t1752-0401\t1941\t1\t1\t1999\t58\t4\t"
                        + "https://www.jstor.org/journal/jasianstudies\t\tjasianstudies\tR3Y\tfulltext\t\tAAS\tserial\n"
                        + "Modern China\t0097-7004\t1552-6836\t1975\t1\t1\t\t\t\t"
                        + "https://www.jstor.org/journal/modechin\t\tmodechin\tR5Y\tfulltext\t\tSage\tserial\n");
        Path doaj = work.resolve("doaj.txt");
        Files.writeString(
                doaj,
                HEADER + "Asian Journal of Social Science\t1568-4849\t1568-5314\t2000\t28\t\t\t\t\t"
                        + "https://ajss.example.org/\t\tajss\t\tfulltext\t\tBrill\tserial\n");
        DemoHub.importFile(config, data, "jstor-as1", "kbart", jstor, 0);
        DemoHub.importFile(config, data, "doaj", "kbart", doaj, 0);
        hub = Hub.start(DemoHub.loopback(config, data), data);
        base = "http://127.0.0.1:" + hub.port();
    }

    @AfterAll
    void stop() {
        if (hub != null) {
            hub.close();
        }
    }

    @Test
    void sruFindsThePackagesTitlesByAccessAndLibrary() throws Exception {
        assertEquals(3, count("cashl.access=online"));
        assertEquals(1, count("cashl.access=openAccess"));
        assertEquals(2, count("bath.possessingInstitution=pku and cashl.access=online"));
        assertEquals(1, count("bath.possessingInstitution=cashl"));
        assertEquals(0, count("bath.possessingInstitution=gzu and cashl.access=online"));
        assertEquals(1, count("bath.issn=0097-7004"));
    }

    @Test
    void theHoldingsArePublishedInEveryFormat() throws Exception {
        String marc = sru("bath.issn=0021-9118", "marcxml");
        assertTrue(marc.contains("https://www.jstor.org/journal/jasianstudies"), marc);
        assertTrue(marc.contains("JSTOR Arts &amp; Sciences I"), marc);
        assertTrue(marc.contains("v.1:no.1 (1941)-v.58:no.4 (1999)"), marc);
        String mods = sru("bath.issn=0021-9118", "mods");
        assertTrue(mods.contains(":url") && mods.contains("jasianstudies"), mods);
        String dc = sru("bath.issn=0021-9118", "dc");
        assertTrue(dc.contains("https://www.jstor.org/journal/jasianstudies"), dc);
        String cashl = sru("bath.issn=0021-9118", "cashl");
        assertTrue(cashl.contains("embargo=\"R3Y\"") && cashl.contains("illElectronic=\"true\""), cashl);
    }

    @Test
    void oaiPmhListsThemInTheAccessSets() throws Exception {
        String online = get("/oai?verb=ListIdentifiers&metadataPrefix=oai_dc&set=access:online");
        assertEquals(3, online.split("<header>", -1).length - 1, online);
        String open = get("/oai?verb=ListIdentifiers&metadataPrefix=oai_dc&set=access:openAccess");
        assertEquals(1, open.split("<header>", -1).length - 1, open);
        assertTrue(open.contains("<setSpec>access:openAccess</setSpec>"), open);
        assertTrue(get("/oai?verb=ListSets").contains("<setSpec>access:online</setSpec>"));
    }

    private int count(String cql) throws Exception {
        String body = sru(cql, "dc");
        Matcher matcher = COUNT.matcher(body);
        assertTrue(matcher.find(), body);
        return Integer.parseInt(matcher.group(1));
    }

    private String sru(String cql, String schema) throws Exception {
        return get("/sru?version=1.2&operation=searchRetrieve&maximumRecords=10&recordSchema=" + schema + "&query="
                + URLEncoder.encode(cql, StandardCharsets.UTF_8));
    }

    private String get(String path) throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return response.body();
    }
}
