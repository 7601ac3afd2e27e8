package cn.edu.cashl.hub.oai;

import static cn.edu.cashl.hub.testkit.oai.OaiDocuments.assertError;
import static cn.edu.cashl.hub.testkit.oai.OaiDocuments.elements;
import static cn.edu.cashl.hub.testkit.oai.OaiDocuments.value;
import static cn.edu.cashl.hub.testkit.oai.OaiDocuments.values;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.edu.cashl.hub.catalog.CatalogStore;
import cn.edu.cashl.hub.catalog.DatestampClock;
import cn.edu.cashl.hub.catalog.StoreCollection;
import cn.edu.cashl.hub.catalog.StoredRecord;
import cn.edu.cashl.hub.catalog.memory.InMemoryCatalogStore;
import cn.edu.cashl.hub.crosswalk.CrosswalkEngine;
import cn.edu.cashl.hub.crosswalk.Crosswalks;
import cn.edu.cashl.hub.merge.Books;
import cn.edu.cashl.hub.merge.UnionCatalog;
import cn.edu.cashl.hub.publish.Library;
import cn.edu.cashl.hub.schema.CashlRecords;
import cn.edu.cashl.hub.testkit.PublishedSchemas;
import cn.edu.cashl.hub.testkit.TestData;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.transform.dom.DOMSource;
import javax.xml.validation.Schema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The provider over a catalogue filled by the union catalogue, in the in-memory store: the verbs,
 * paging and formats are the provider's. {@link ConcurrentWritersTest} runs the provider on Solr.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OaiProviderTest {

    static final byte[] KEY = "a test key of at least sixteen bytes".getBytes(StandardCharsets.UTF_8);
    static final Crosswalks CROSSWALKS = Crosswalks.packaged(new CrosswalkEngine());
    static final Map<String, Library> LIBRARIES = Map.of(
            "pku", new Library("pku", "Peking University Library", "北京大学图书馆", "https://oai.lib.pku.edu.cn/oai"),
            "fudan", new Library("fudan", "Fudan University Library", "复旦大学图书馆", null));

    private CatalogStore store;
    private final DatestampClock clock = DatestampClock.serving();
    private UnionCatalog union;
    private OaiResponses oai;

    @BeforeAll
    void open() {
        store = new InMemoryCatalogStore();
        union = new UnionCatalog(store, clock);
        List<cn.edu.cashl.hub.merge.SourceChange> changes = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            changes.add(Books.book(i % 2 == 0 ? "pku" : "fudan", "r" + i)
                    .title("Book number " + i)
                    .isbn(isbn(i))
                    .accepted());
        }
        // Two libraries hold book 3: one master record with both holdings.
        changes.add(
                Books.book("pku", "dup3").title("Book number 3").isbn(isbn(3)).accepted());
        union.apply(changes);
        union.refresh();
        oai = new OaiResponses(provider(KEY, 4));
    }

    @AfterAll
    void close() {
        store.close();
    }

    OaiProvider provider(byte[] key, int perPage) {
        OaiSettings settings = new OaiSettings(
                "https://hub.example.edu.cn/oai",
                "CASHL Hub test",
                "hub.cashl.edu.cn",
                List.of("admin@example.edu.cn"),
                perPage,
                perPage,
                Duration.ofHours(24),
                key,
                Duration.ofSeconds(5));
        return new OaiProvider(store, clock, CROSSWALKS, settings, LIBRARIES);
    }

    static String isbn(int n) {
        String twelve = "978" + String.format("%09d", 7_000_000 + n);
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (twelve.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
        }
        return twelve + (10 - sum % 10) % 10;
    }

    @Test
    void identifyDescribesTheRepository() throws Exception {
        Document doc = oai.get("verb", "Identify");
        assertEquals("https://hub.example.edu.cn/oai", value(doc, "//oai:Identify/oai:baseURL"));
        assertEquals("https://hub.example.edu.cn/oai", value(doc, "/oai:OAI-PMH/oai:request"));
        assertEquals("2.0", value(doc, "//oai:Identify/oai:protocolVersion"));
        assertEquals("persistent", value(doc, "//oai:Identify/oai:deletedRecord"));
        assertEquals("YYYY-MM-DDThh:mm:ssZ", value(doc, "//oai:Identify/oai:granularity"));
        assertEquals("gzip", value(doc, "//oai:Identify/oai:compression"));
        assertTrue(value(doc, "//oai:Identify/oai:earliestDatestamp")
                .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"));
        assertEquals(
                "hub.cashl.edu.cn",
                value(doc, "//*[local-name()='oai-identifier']/*[local-name()='repositoryIdentifier']"));
        assertTrue(value(doc, "//*[local-name()='sampleIdentifier']").startsWith("oai:hub.cashl.edu.cn:"));
    }

    @Test
    void listRecordsPagesThroughTheWholeListWithCursorArithmetic() throws Exception {
        Schema oaiDc = PublishedSchemas.load(TestData.file("schemas"), "oai/oai_dc.xsd");
        Set<String> seen = new HashSet<>();
        Document page = oai.get("verb", "ListRecords", "metadataPrefix", "oai_dc");
        long expectedCursor = 0;
        long size = 0;
        int pages = 0;
        while (true) {
            pages++;
            List<Element> records = elements(page, "//oai:record");
            for (Element metadata : elements(page, "//oai:record/oai:metadata/oai_dc:dc")) {
                oaiDc.newValidator().validate(new DOMSource(metadata));
            }
            for (String id : values(page, "//oai:record/oai:header/oai:identifier")) {
                assertTrue(seen.add(id), "each record once: " + id);
            }
            assertEquals(
                    elements(page, "//oai:record[oai:metadata]").size(),
                    elements(page, "//oai:record/oai:about/prov:provenance").size(),
                    "provenance on every live record");
            String token = value(page, "//oai:resumptionToken");
            assertEquals(String.valueOf(expectedCursor), value(page, "//oai:resumptionToken/@cursor"));
            size = Long.parseLong(value(page, "//oai:resumptionToken/@completeListSize"));
            expectedCursor += records.size();
            if (token.isEmpty()) {
                break;
            }
            Instant responseDate = Instant.parse(value(page, "//oai:responseDate"));
            Instant expires = Instant.parse(value(page, "//oai:resumptionToken/@expirationDate"));
            assertFalse(expires.isBefore(responseDate.plus(Duration.ofHours(24))), "tokens live 24 hours");
            page = oai.get("verb", "ListRecords", "resumptionToken", token);
        }
        assertEquals(size, seen.size());
        assertTrue(size >= 20, "20 live records, and deleted ones other tests left");
        assertEquals((size + 3) / 4, pages);
        // The book two libraries hold names both in its provenance.
        String merged = "oai:hub.cashl.edu.cn:" + masterOf("pku:dup3");
        Document record = oai.get("verb", "GetRecord", "identifier", merged, "metadataPrefix", "oai_dc");
        assertEquals(
                List.of("fudan:r3", "pku:dup3").size(),
                elements(record, "//prov:originDescription").size());
        assertTrue(values(record, "//prov:baseURL").contains("https://oai.lib.pku.edu.cn/oai"));
        assertEquals(List.of("library:fudan", "library:pku", "type:book"), values(record, "//oai:header/oai:setSpec"));
    }

    /** Identifier to header status ("" or "deleted") of a whole ListIdentifiers list, every page. */
    private Map<String, String> statuses(String... arguments) throws Exception {
        Map<String, String> statuses = new HashMap<>();
        List<String> request = new ArrayList<>(List.of("verb", "ListIdentifiers", "metadataPrefix", "oai_dc"));
        request.addAll(List.of(arguments));
        Document page = oai.get(request.toArray(String[]::new));
        while (true) {
            for (Element header : elements(page, "//oai:header")) {
                statuses.put(value(header, "oai:identifier"), header.getAttribute("status"));
            }
            String token = value(page, "//oai:resumptionToken");
            if (token.isEmpty()) {
                return statuses;
            }
            page = oai.get("verb", "ListIdentifiers", "resumptionToken", token);
        }
    }

    private String masterOf(String sourceId) {
        return store.get(StoreCollection.SOURCE, sourceId).orElseThrow().field("master");
    }

    @Test
    void everyFormatValidatesAgainstItsOwnSchema() throws Exception {
        Map<String, Schema> byPrefix = new HashMap<>(PublishedSchemas.publishedFormats());
        byPrefix.put("cashl", CashlRecords.get().schema());
        for (var format : byPrefix.entrySet()) {
            Document doc = oai.get("verb", "ListRecords", "metadataPrefix", format.getKey());
            List<Element> metadata = elements(doc, "//oai:record/oai:metadata/*");
            assertEquals(4, metadata.size(), format.getKey());
            for (Element element : metadata) {
                format.getValue().newValidator().validate(new DOMSource(element));
            }
        }
    }

    @Test
    void tokensAreSignedAndBoundToTheirList() throws Exception {
        String token = value(oai.get("verb", "ListIdentifiers", "metadataPrefix", "cashl"), "//oai:resumptionToken");
        char last = token.charAt(token.length() - 6);
        String tampered = token.substring(0, token.length() - 6)
                + (last == 'A' ? 'B' : 'A')
                + token.substring(token.length() - 5);
        assertError("badResumptionToken", oai.get("verb", "ListIdentifiers", "resumptionToken", tampered));
        assertError("badResumptionToken", oai.get("verb", "ListRecords", "resumptionToken", token));
        OaiResponses otherHub =
                new OaiResponses(provider("another repository's secret key".getBytes(StandardCharsets.UTF_8), 4));
        assertError("badResumptionToken", otherHub.get("verb", "ListIdentifiers", "resumptionToken", token));
        assertError("badResumptionToken", oai.get("verb", "ListIdentifiers", "resumptionToken", "junk\u0007token"));
        // The same token twice gives the same page, on this provider or on a new one (a restart).
        Document once = oai.get("verb", "ListIdentifiers", "resumptionToken", token);
        Document again = new OaiResponses(provider(KEY, 4)).get("verb", "ListIdentifiers", "resumptionToken", token);
        assertEquals(values(once, "//oai:identifier"), values(again, "//oai:identifier"));
        assertEquals(value(once, "//oai:resumptionToken"), value(again, "//oai:resumptionToken"));
    }

    @Test
    void aRecordThatLeavesASetIsDeletedInThatSetsHarvests() throws Exception {
        DatestampClock.Writer before = clock.writer();
        Instant start = before.stamp();
        before.visible();
        String held = "oai:hub.cashl.edu.cn:" + masterOf("pku:dup3"); // held by pku and fudan
        Thread.sleep(1100); // a new second, so that the change's datestamp is after start
        union.apply(List.of(Books.book("pku", "dup3").deleted()));
        union.refresh();
        try {
            Map<String, String> pkuSet = statuses("set", "library:pku", "from", start.toString());
            assertEquals("deleted", pkuSet.get(held), "the record is listed in the set it left, as deleted");
            // What fudan holds is still live (under the same id, or under fudan's own if the id went with pku's
            // record).
            String remaining = "oai:hub.cashl.edu.cn:" + masterOf("fudan:r3");
            assertEquals("", statuses("from", start.toString()).get(remaining), "live outside that set");
            assertEquals(
                    "",
                    statuses("set", "library:fudan", "from", start.toString()).get(remaining),
                    "live in the set it is still in");
        } finally {
            // Put it back, as the other tests expect.
            union.apply(List.of(Books.book("pku", "dup3")
                    .title("Book number 3")
                    .isbn(isbn(3))
                    .accepted()));
            union.refresh();
        }
    }

    @Test
    void aRecordWhoseStoredXmlIsBrokenIsLeftOutOfThePageAlone() throws Exception {
        Instant when = Instant.parse("2001-01-01T00:00:00Z");
        store.put(
                StoreCollection.CATALOG,
                List.of(
                        StoredRecord.builder("broken:1", when)
                                .set("type:book")
                                .xml("<record xmlns=\"https://ns.cashl.edu.cn/record/v1\"><title>")
                                .build(),
                        StoredRecord.builder("broken:2", when)
                                .set("type:book")
                                .xml(Books.book("broken", "2")
                                        .xml()
                                        .replace("Pride and prejudice", "Bell &#x7; character"))
                                .build()));
        store.refresh();
        try {
            for (String prefix : List.of("cashl", "oai_dc", "marc21", "mods")) {
                Document doc = oai.get("verb", "ListRecords", "metadataPrefix", prefix, "until", "2001-01-01");
                assertError("noRecordsMatch", doc);
                Document headers = oai.get("verb", "ListIdentifiers", "metadataPrefix", prefix, "until", "2001-01-01");
                assertEquals(2, values(headers, "//oai:header").size(), "the headers are still listed");
                assertError(
                        "cannotDisseminateFormat",
                        oai.get(
                                "verb",
                                "GetRecord",
                                "metadataPrefix",
                                prefix,
                                "identifier",
                                "oai:hub.cashl.edu.cn:broken:1"));
            }
        } finally {
            store.delete(StoreCollection.CATALOG, List.of("broken:1", "broken:2"));
            store.refresh();
        }
    }

    @Test
    void setsAreAHierarchyNamedInEnglishAndChinese() throws Exception {
        Document doc = oai.get("verb", "ListSets");
        List<String> specs = values(doc, "//oai:set/oai:setSpec");
        assertTrue(
                specs.containsAll(List.of("library", "library:fudan", "library:pku", "type", "type:book")),
                specs.toString());
        assertEquals("Peking University Library", value(doc, "//oai:set[oai:setSpec='library:pku']/oai:setName"));
        assertEquals(
                "北京大学图书馆",
                value(
                        doc,
                        "//oai:set[oai:setSpec='library:pku']/oai:setDescription/oai_dc:dc/dc:title[@xml:lang='zh']"));
        assertEquals(
                "图书",
                value(doc, "//oai:set[oai:setSpec='type:book']/oai:setDescription/oai_dc:dc/dc:title[@xml:lang='zh']"));
        Schema oaiDc = PublishedSchemas.load(TestData.file("schemas"), "oai/oai_dc.xsd");
        for (Element description : elements(doc, "//oai:setDescription/oai_dc:dc")) {
            oaiDc.newValidator().validate(new DOMSource(description));
        }
    }

    @Test
    void protocolErrorsAreOaiErrors() throws Exception {
        assertError("badVerb", oai.get("verb", "junk"));
        assertError("badVerb", oai.get());
        assertError("badVerb", oai.get("verb", "Identify", "verb", "Identify"));
        assertError("badArgument", oai.get("verb", "Identify", "foo", "bar"));
        assertError("badArgument", oai.get("verb", "ListRecords"));
        assertError(
                "badArgument", oai.get("verb", "ListRecords", "metadataPrefix", "oai_dc", "metadataPrefix", "mods"));
        assertError(
                "badArgument",
                oai.get(
                        "verb",
                        "ListRecords",
                        "metadataPrefix",
                        "oai_dc",
                        "from",
                        "2020-01-01",
                        "until",
                        "2020-12-31T00:00:00Z"));
        assertError("badArgument", oai.get("verb", "ListRecords", "metadataPrefix", "oai_dc", "from", "junk"));
        assertError(
                "badArgument", oai.get("verb", "GetRecord", "metadataPrefix", "oai_dc", "identifier", "invalid\"id"));
        assertError(
                "idDoesNotExist",
                oai.get("verb", "GetRecord", "metadataPrefix", "oai_dc", "identifier", "oai:hub.cashl.edu.cn:nope"));
        assertError("cannotDisseminateFormat", oai.get("verb", "ListRecords", "metadataPrefix", "dc"));
        assertError(
                "noRecordsMatch", oai.get("verb", "ListRecords", "metadataPrefix", "oai_dc", "until", "1990-01-01"));
        assertError(
                "noRecordsMatch", oai.get("verb", "ListRecords", "metadataPrefix", "oai_dc", "set", "library:nowhere"));
        assertError("badResumptionToken", oai.get("verb", "ListSets", "resumptionToken", "x"));
        Document bad = oai.get("verb", "ListRecords", "metadataPrefix", "oai_dc", "from", "junk");
        assertEquals(0, elements(bad, "/oai:OAI-PMH/oai:request/@*").size(), "badArgument echoes no arguments");
    }
}
