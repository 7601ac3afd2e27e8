package cn.edu.cashl.hub.http;

import static cn.edu.cashl.hub.testkit.oai.OaiDocuments.assertError;
import static cn.edu.cashl.hub.testkit.oai.OaiDocuments.elements;
import static cn.edu.cashl.hub.testkit.oai.OaiDocuments.errorCode;
import static cn.edu.cashl.hub.testkit.oai.OaiDocuments.value;
import static cn.edu.cashl.hub.testkit.oai.OaiDocuments.values;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.edu.cashl.hub.config.HubConfig;
import cn.edu.cashl.hub.schema.CashlRecords;
import cn.edu.cashl.hub.server.DemoHub;
import cn.edu.cashl.hub.server.Hub;
import cn.edu.cashl.hub.testkit.PublishedSchemas;
import cn.edu.cashl.hub.testkit.oai.OaiDocuments;
import java.io.ByteArrayInputStream;
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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.GZIPInputStream;
import javax.xml.transform.dom.DOMSource;
import javax.xml.validation.Schema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The checks of the openarchives.org validator and OVAL, against a running hub over HTTP: the hub
 * is filled with the bundled demo feed by the import command, then started on loopback. Every
 * response is validated against OAI-PMH.xsd before it is read ({@link OaiDocuments}), and the
 * records of every format against that format's schema.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OaiConformanceTest {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final int PAGE = 50;

    @TempDir
    static Path work;

    private Hub hub;
    private String base;
    /** The one record imported a second after the demo feed: its datestamp is its own. */
    private String lonelyIdentifier;
    /** The one record with an electronic holding. */
    private String ebookIdentifier;

    @BeforeAll
    void startHub() throws Exception {
        Path data = work.resolve("data");
        Path configFile = DemoHub.importDemo(data);
        Path ebook = work.resolve("ebook.xml");
        Files.writeString(
                ebook,
                "<collection xmlns=\"http://www.loc.gov/MARC21/slim\">" + SruConformanceTest.EBOOK + "</collection>");
        DemoHub.importFile(configFile, data, "local", ebook);
        Thread.sleep(1100);
        Path one = work.resolve("one.xml");
        Files.writeString(
                one,
                "<collection xmlns=\"http://www.loc.gov/MARC21/slim\"><record><leader>00000cam a2200000 a 4500</leader>"
                        + "<controlfield tag=\"001\">lonely-1</controlfield><datafield tag=\"050\" ind1=\"0\" ind2=\"0\"><subfield code=\"a\">PR4034"
                        + "</subfield></datafield><datafield tag=\"245\" ind1=\"1\" ind2=\"0\"><subfield code=\"a\">A record of its own second"
                        + "</subfield></datafield></record></collection>");
        DemoHub.importFile(configFile, data, "local", one);

        HubConfig loopback = DemoHub.loopback(configFile, data);
        HubConfig.OaiConfig oai = loopback.oai();
        HubConfig onLoopback = loopback.withOai(new HubConfig.OaiConfig(
                "",
                oai.repositoryName(),
                oai.repositoryIdentifier(),
                oai.adminEmail(),
                PAGE,
                PAGE,
                24,
                "",
                1,
                oai.visibilityWaitSeconds()));
        hub = Hub.start(onLoopback, data);
        base = "http://127.0.0.1:" + hub.port() + "/oai";
        lonelyIdentifier = "oai:" + oai.repositoryIdentifier() + ":local:lonely-1";
        ebookIdentifier = "oai:" + oai.repositoryIdentifier() + ":local:ebook-1";
    }

    @AfterAll
    void stopHub() {
        if (hub != null) {
            hub.close();
        }
    }

    private Document get(String query) throws Exception {
        HttpResponse<byte[]> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(base + (query.isEmpty() ? "" : "?" + query)))
                        .timeout(Duration.ofSeconds(60))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode(), () -> new String(response.body(), StandardCharsets.UTF_8));
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/xml"));
        return OaiDocuments.parse(response.body());
    }

    private static String q(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Test
    void identifyIsComplete() throws Exception {
        Document doc = get("verb=Identify");
        assertEquals(base, value(doc, "//oai:Identify/oai:baseURL"), "baseURL is where the request went");
        assertEquals("2.0", value(doc, "//oai:protocolVersion"));
        assertEquals("persistent", value(doc, "//oai:deletedRecord"));
        assertEquals("YYYY-MM-DDThh:mm:ssZ", value(doc, "//oai:granularity"));
        assertEquals("gzip", value(doc, "//oai:compression"));
        assertFalse(value(doc, "//oai:adminEmail").isEmpty());
        assertTrue(
                value(doc, "//oai:earliestDatestamp").matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"),
                "seconds, like the granularity");
        String sample = value(doc, "//id:oai-identifier/id:sampleIdentifier");
        assertEquals(
                "",
                errorCode(get("verb=GetRecord&metadataPrefix=oai_dc&identifier=" + q(sample))),
                "the sample identifier exists");
    }

    /** The thirteen bad requests every validator sends, and a few more. */
    @Test
    void badRequestsGetTheirErrorCodes() throws Exception {
        assertError("badVerb", get(""));
        assertError("badVerb", get("junk"));
        assertError("badVerb", get("verb=junk"));
        assertError("badVerb", get("verb=Identify&verb=Identify"));
        assertError("badArgument", get("verb=Identify&junk=junk"));
        assertError("badArgument", get("verb=GetRecord&metadataPrefix=oai_dc"));
        assertError("badArgument", get("verb=GetRecord&identifier=" + q(lonelyIdentifier)));
        assertError("badArgument", get("verb=GetRecord&metadataPrefix=oai_dc&identifier=" + q("invalid\"id")));
        assertError("badArgument", get("verb=ListRecords&metadataPrefix=oai_dc&from=junk"));
        assertError("badArgument", get("verb=ListRecords&metadataPrefix=oai_dc&until=junk"));
        assertError("badArgument", get("verb=ListIdentifiers&metadataPrefix=oai_dc&resumptionToken=junk"));
        assertError("badArgument", get("verb=ListRecords"));
        assertError("badResumptionToken", get("verb=ListRecords&resumptionToken=junk"));
        assertError(
                "badArgument",
                get("verb=ListIdentifiers&metadataPrefix=oai_dc&from=2001-01-01&until=2002-01-01T00:00:00Z"));
        assertError("badArgument", get("verb=ListIdentifiers&metadataPrefix=oai_dc&from=2002-01-01&until=2001-01-01"));
        assertError("badResumptionToken", get("verb=ListSets&resumptionToken=junk"));
        assertError("idDoesNotExist", get("verb=ListMetadataFormats&identifier=" + q("oai:hub.cashl.edu.cn:nothing")));
        assertError(
                "idDoesNotExist", get("verb=GetRecord&metadataPrefix=oai_dc&identifier=" + q("oai:elsewhere.org:1")));
        assertError("cannotDisseminateFormat", get("verb=ListRecords&metadataPrefix=junk"));
        assertError("noRecordsMatch", get("verb=ListRecords&metadataPrefix=oai_dc&set=library:nowhere"));
        Document bad = get("verb=ListRecords&metadataPrefix=oai_dc&from=junk");
        assertTrue(
                elements(bad, "/oai:OAI-PMH/oai:request[@*]").isEmpty(),
                "badArgument: the request element has no attributes");
        Document unknown = get("verb=GetRecord&metadataPrefix=oai_dc&identifier=" + q("oai:elsewhere.org:1"));
        assertEquals(
                "oai:elsewhere.org:1",
                value(unknown, "/oai:OAI-PMH/oai:request/@identifier"),
                "other errors echo the request");
    }

    @Test
    void postAnswersLikeGet() throws Exception {
        HttpResponse<byte[]> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(base))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "verb=GetRecord&metadataPrefix=oai_dc&identifier=" + q(lonelyIdentifier)))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode());
        Document doc = OaiDocuments.parse(response.body());
        assertEquals(lonelyIdentifier, value(doc, "//oai:GetRecord/oai:record/oai:header/oai:identifier"));
        assertEquals("GetRecord", value(doc, "/oai:OAI-PMH/oai:request/@verb"));
        HttpResponse<byte[]> empty = HTTP.send(
                HttpRequest.newBuilder(URI.create(base))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, empty.statusCode());
        assertError("badVerb", OaiDocuments.parse(empty.body()));
    }

    @Test
    void fromEqualsUntilEqualsADatestampGivesThatRecord() throws Exception {
        Document record = get("verb=GetRecord&metadataPrefix=oai_dc&identifier=" + q(lonelyIdentifier));
        String datestamp = value(record, "//oai:header/oai:datestamp");
        Document list = get("verb=ListIdentifiers&metadataPrefix=oai_dc&from=" + datestamp + "&until=" + datestamp);
        assertEquals(List.of(lonelyIdentifier), values(list, "//oai:header/oai:identifier"));
        String day = datestamp.substring(0, 10);
        assertTrue(
                identifiers("verb=ListIdentifiers&metadataPrefix=oai_dc&from=" + day + "&until=" + day)
                        .contains(lonelyIdentifier),
                "day granularity covers the whole day");
    }

    /** Every identifier of a list, all pages. */
    private List<String> identifiers(String query) throws Exception {
        List<String> all = new ArrayList<>();
        Document page = get(query);
        String verb = value(page, "/oai:OAI-PMH/oai:request/@verb");
        while (true) {
            all.addAll(values(page, "//oai:header/oai:identifier"));
            String token = value(page, "//oai:resumptionToken");
            if (token.isEmpty()) {
                return all;
            }
            page = get("verb=" + verb + "&resumptionToken=" + q(token));
        }
    }

    @Test
    void untilBeforeTheEarliestDatestampMatchesNothing() throws Exception {
        Instant earliest = Instant.parse(value(get("verb=Identify"), "//oai:earliestDatestamp"));
        assertError("noRecordsMatch", get("verb=ListRecords&metadataPrefix=oai_dc&until=" + earliest.minusSeconds(1)));
        assertEquals("", errorCode(get("verb=ListIdentifiers&metadataPrefix=oai_dc&until=" + earliest)));
    }

    /** Walks a whole list: cursors, sizes, expiry, the empty last token, each record once. */
    @Test
    void listsPageWithConsistentCursorsAndTokens() throws Exception {
        for (String verb : List.of("ListIdentifiers", "ListRecords")) {
            Document page = get("verb=" + verb + "&metadataPrefix=oai_dc");
            assertEquals("0", value(page, "//oai:resumptionToken/@cursor"), "the first page's cursor is 0");
            long size = Long.parseLong(value(page, "//oai:resumptionToken/@completeListSize"));
            Set<String> seen = new HashSet<>();
            long cursor = 0;
            while (true) {
                List<String> ids = values(page, "//oai:header/oai:identifier");
                assertEquals(String.valueOf(cursor), value(page, "//oai:resumptionToken/@cursor"));
                assertEquals(String.valueOf(size), value(page, "//oai:resumptionToken/@completeListSize"));
                ids.forEach(id -> assertTrue(seen.add(id), "once: " + id));
                cursor += ids.size();
                String token = value(page, "//oai:resumptionToken");
                if (token.isEmpty()) {
                    break;
                }
                assertEquals(PAGE, ids.size());
                Instant expires = Instant.parse(value(page, "//oai:resumptionToken/@expirationDate"));
                assertFalse(expires.isBefore(
                        Instant.parse(value(page, "//oai:responseDate")).plus(Duration.ofHours(24))));
                Document again = get("verb=" + verb + "&resumptionToken=" + q(token));
                page = get("verb=" + verb + "&resumptionToken=" + q(token));
                assertEquals(
                        values(again, "//oai:header/oai:identifier"),
                        values(page, "//oai:header/oai:identifier"),
                        "idempotent tokens");
            }
            assertEquals(size, seen.size(), verb);
            assertTrue(size > PAGE * 3, "a list of several pages: " + size);
        }
    }

    @Test
    void setAndDateSelectionCombine() throws Exception {
        List<String> librarySets = values(get("verb=ListSets"), "//oai:set/oai:setSpec").stream()
                .filter(s -> s.startsWith("library:"))
                .toList();
        assertFalse(librarySets.isEmpty());
        String set = librarySets.get(0);
        Document page =
                get("verb=ListIdentifiers&metadataPrefix=oai_dc&set=" + q(set) + "&from=2000-01-01&until=2100-01-01");
        for (Element header : elements(page, "//oai:header")) {
            assertTrue(values(header, "oai:setSpec").contains(set), "in the set asked for");
        }
        Document parent = get("verb=ListIdentifiers&metadataPrefix=oai_dc&set=library");
        assertTrue(
                values(parent, "//oai:header/oai:setSpec").stream().anyMatch(s -> s.startsWith("library:")),
                "a parent set covers its children");
        Document future = get("verb=ListIdentifiers&metadataPrefix=oai_dc&set=" + q(set) + "&from="
                + Instant.now().plusSeconds(3600).toString().substring(0, 19) + "Z");
        assertError("noRecordsMatch", future);
    }

    @Test
    void accessSetsSelectTheRecordsReadOnline() throws Exception {
        Document sets = get("verb=ListSets");
        assertTrue(values(sets, "//oai:set/oai:setSpec").containsAll(List.of("access", "access:online")));
        assertEquals("Online", value(sets, "//oai:set[oai:setSpec='access:online']/oai:setName"));
        for (String set : List.of("access:online", "access")) {
            Document list = get("verb=ListIdentifiers&metadataPrefix=oai_dc&set=" + q(set));
            assertEquals(List.of(ebookIdentifier), values(list, "//oai:header/oai:identifier"), set);
        }
        Document records = get("verb=ListRecords&metadataPrefix=oai_dc&set=access:online");
        assertEquals(
                List.of("access:online", "library:local", "type:ebook"),
                values(records, "//oai:record/oai:header/oai:setSpec"),
                "the leaf sets, not the parent they imply");
        assertTrue(values(records, "//oai:record/oai:metadata/oai_dc:dc/dc:identifier")
                .contains("https://ebooks.example.org/ming"));
        assertError("noRecordsMatch", get("verb=ListIdentifiers&metadataPrefix=oai_dc&set=access:openAccess"));
    }

    @Test
    void setSpecsAgreeBetweenListSetsHeadersAndGetRecord() throws Exception {
        Set<String> listed = new HashSet<>(values(get("verb=ListSets"), "//oai:set/oai:setSpec"));
        assertTrue(
                listed.containsAll(List.of("library", "type", "access")), "the parents of the hierarchy are sets too");
        Document headers = get("verb=ListIdentifiers&metadataPrefix=oai_dc");
        for (Element header : elements(headers, "//oai:header").subList(0, 10)) {
            List<String> specs = values(header, "oai:setSpec");
            assertTrue(listed.containsAll(specs), "every header set is listed: " + specs);
            Document record =
                    get("verb=GetRecord&metadataPrefix=oai_dc&identifier=" + q(value(header, "oai:identifier")));
            assertEquals(specs, values(record, "//oai:header/oai:setSpec"));
            assertEquals(value(header, "oai:datestamp"), value(record, "//oai:header/oai:datestamp"));
        }
    }

    @Test
    void everyFormatIsValidAgainstItsSchemaAndCarriesProvenance() throws Exception {
        Map<String, Schema> byPrefix = new HashMap<>(PublishedSchemas.publishedFormats());
        byPrefix.put("cashl", CashlRecords.get().schema());
        Document formats = get("verb=ListMetadataFormats&identifier=" + q(lonelyIdentifier));
        assertEquals(Set.copyOf(byPrefix.keySet()), Set.copyOf(values(formats, "//oai:metadataPrefix")));
        String cashlSchema = value(formats, "//oai:metadataFormat[oai:metadataPrefix='cashl']/oai:schema");
        HttpResponse<String> xsd = HTTP.send(
                HttpRequest.newBuilder(URI.create(cashlSchema)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, xsd.statusCode(), "the hub serves the cashl schema it names");
        for (var format : byPrefix.entrySet()) {
            Document page = get("verb=ListRecords&metadataPrefix=" + format.getKey());
            List<Element> metadata = elements(page, "//oai:record/oai:metadata/*");
            assertEquals(PAGE, metadata.size());
            for (Element element : metadata) {
                format.getValue().newValidator().validate(new DOMSource(element));
            }
            assertEquals(
                    PAGE,
                    elements(page, "//oai:record[oai:about/prov:provenance/prov:originDescription[@altered='true']]")
                            .size(),
                    "every record names its origins");
        }
    }

    @Test
    void gzipWhenTheHarvesterAcceptsIt() throws Exception {
        HttpResponse<byte[]> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(base + "?verb=ListRecords&metadataPrefix=marc21"))
                        .header("Accept-Encoding", "gzip")
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals("gzip", response.headers().firstValue("Content-Encoding").orElse(""));
        Document doc =
                OaiDocuments.parse(new GZIPInputStream(new ByteArrayInputStream(response.body())).readAllBytes());
        assertEquals(PAGE, elements(doc, "//oai:record").size());
    }

    /**
     * Overload: with one request served at a time, many concurrent harvesters get 503 with
     * Retry-After, never a 500 or a broken answer, and the hub still answers afterwards.
     */
    @Test
    void overloadIsAnswered503WithRetryAfter() throws Exception {
        int requests = 300;
        ExecutorService clients = Executors.newFixedThreadPool(100);
        List<Future<HttpResponse<byte[]>>> responses = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            responses.add(clients.submit(() -> HTTP.send(
                    HttpRequest.newBuilder(URI.create(base + "?verb=ListRecords&metadataPrefix=mods"))
                            .timeout(Duration.ofSeconds(120))
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray())));
        }
        int busy = 0;
        for (Future<HttpResponse<byte[]>> future : responses) {
            HttpResponse<byte[]> response = future.get();
            if (response.statusCode() == 503) {
                busy++;
                assertTrue(
                        Integer.parseInt(response.headers()
                                        .firstValue("Retry-After")
                                        .orElse("0"))
                                > 0,
                        "503 says when to retry");
            } else {
                assertEquals(200, response.statusCode());
                assertEquals(
                        PAGE,
                        elements(OaiDocuments.parse(response.body()), "//oai:record")
                                .size());
            }
        }
        clients.shutdown();
        assertTrue(busy > 0, "some of " + requests + " requests from 100 concurrent harvesters were turned away");
        assertNotEquals(requests, busy, "and some were served");
        assertEquals("", errorCode(get("verb=Identify")));
    }
}
