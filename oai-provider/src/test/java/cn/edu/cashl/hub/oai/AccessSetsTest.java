package cn.edu.cashl.hub.oai;

import static cn.edu.cashl.hub.testkit.oai.OaiDocuments.elements;
import static cn.edu.cashl.hub.testkit.oai.OaiDocuments.value;
import static cn.edu.cashl.hub.testkit.oai.OaiDocuments.values;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.edu.cashl.hub.catalog.DatestampClock;
import cn.edu.cashl.hub.catalog.StoreCollection;
import cn.edu.cashl.hub.catalog.solr.SolrCatalogStore;
import cn.edu.cashl.hub.catalog.solr.SolrSettings;
import cn.edu.cashl.hub.catalog.solr.SolrStores;
import cn.edu.cashl.hub.merge.Books;
import cn.edu.cashl.hub.merge.UnionCatalog;
import cn.edu.cashl.hub.testkit.PublishedSchemas;
import cn.edu.cashl.hub.testkit.TestData;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.transform.dom.DOMSource;
import javax.xml.validation.Schema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The access sets ({@code access}, {@code access:online}, {@code access:openAccess}) on embedded
 * Solr, over a catalogue the union catalogue filled: listed with their names, selective harvests of
 * each, the leaf sets in every header, and records that leave a set listed as deleted in it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AccessSetsTest {

    private static final String PREFIX = "oai:hub.cashl.edu.cn:";

    @TempDir
    static Path dir;

    private SolrCatalogStore store;
    private final DatestampClock clock = DatestampClock.serving();
    private UnionCatalog union;
    private OaiResponses oai;
    /** The e-book pku licenses and fudan reads in open access. */
    private String shared;
    /** whu's licensed e-book. */
    private String emma;
    /** pku's print book. */
    private String print;

    @BeforeAll
    void fill() {
        store = SolrStores.open(SolrSettings.EMBEDDED, dir);
        union = new UnionCatalog(store, clock);
        union.apply(List.of(
                Books.book("pku", "e1")
                        .isbn("9780306406157")
                        .electronic()
                        .url("https://ebooks.example/e1")
                        .accepted(),
                Books.book("fudan", "e1")
                        .isbn("9780306406157")
                        .openAccess()
                        .url("https://oa.example/e1")
                        .accepted(),
                Books.book("whu", "e2")
                        .title("Emma")
                        .electronic()
                        .url("https://ebooks.example/e2")
                        .accepted(),
                Books.book("pku", "p1").title("Mansfield Park").accepted()));
        union.refresh();
        shared = PREFIX + masterOf("fudan:e1");
        emma = PREFIX + masterOf("whu:e2");
        print = PREFIX + masterOf("pku:p1");
        OaiSettings settings = new OaiSettings(
                "https://hub.example.edu.cn/oai",
                "CASHL Hub test",
                "hub.cashl.edu.cn",
                List.of("admin@example.edu.cn"),
                2,
                2,
                Duration.ofHours(24),
                OaiProviderTest.KEY,
                Duration.ofSeconds(10));
        oai = new OaiResponses(
                new OaiProvider(store, clock, OaiProviderTest.CROSSWALKS, settings, OaiProviderTest.LIBRARIES));
    }

    @AfterAll
    void close() {
        store.close();
    }

    private String masterOf(String sourceId) {
        return store.get(StoreCollection.SOURCE, sourceId).orElseThrow().field("master");
    }

    /** Identifier to header status ("" or "deleted") of a whole ListIdentifiers list of a set, every page. */
    private Map<String, String> harvest(String set) throws Exception {
        Map<String, String> statuses = new TreeMap<>();
        Document page = oai.get("verb", "ListIdentifiers", "metadataPrefix", "oai_dc", "set", set);
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

    @Test
    void listSetsNamesTheAccessSetsInEnglishAndChinese() throws Exception {
        Document doc = oai.get("verb", "ListSets");
        List<String> specs = values(doc, "//oai:set/oai:setSpec");
        assertTrue(specs.containsAll(List.of("access", "access:online", "access:openAccess")), specs.toString());
        assertTrue(specs.indexOf("access") < specs.indexOf("access:online"), "the parent before its leaves");
        assertFalse(specs.contains("access:print"), "print is no access set");
        assertEquals("Online access", value(doc, "//oai:set[oai:setSpec='access']/oai:setName"));
        assertEquals("Online", value(doc, "//oai:set[oai:setSpec='access:online']/oai:setName"));
        assertEquals("Open access", value(doc, "//oai:set[oai:setSpec='access:openAccess']/oai:setName"));
        for (String[] zh :
                List.of(new String[] {"access", "在线获取"}, new String[] {"access:online", "在线资源"}, new String[] {
                    "access:openAccess", "开放获取"
                })) {
            String path = "//oai:set[oai:setSpec='" + zh[0] + "']/oai:setDescription/oai_dc:dc/";
            assertEquals(zh[1], value(doc, path + "dc:title[@xml:lang='zh']"));
            assertTrue(value(doc, path + "dc:description[@xml:lang='en']").startsWith("Records "), zh[0]);
        }
        Schema oaiDc = PublishedSchemas.load(TestData.file("schemas"), "oai/oai_dc.xsd");
        for (Element description : elements(doc, "//oai:setDescription/oai_dc:dc")) {
            oaiDc.newValidator().validate(new DOMSource(description));
        }
    }

    @Test
    void eachAccessSetHarvestsItsRecordsAndTheParentTheirUnion() throws Exception {
        assertEquals(Map.of(shared, "", emma, ""), harvest("access:online"));
        assertEquals(Map.of(shared, ""), harvest("access:openAccess"));
        assertEquals(Map.of(shared, "", emma, ""), harvest("access"));
        assertTrue(harvest("library:pku").containsKey(print));
        Document records = oai.get("verb", "ListRecords", "metadataPrefix", "oai_dc", "set", "access:openAccess");
        assertEquals(List.of(shared), values(records, "//oai:record/oai:header/oai:identifier"));
        assertTrue(
                values(records, "//oai:record/oai:metadata/oai_dc:dc/dc:identifier")
                        .containsAll(List.of("https://ebooks.example/e1", "https://oa.example/e1")),
                "each electronic holding's URL");
    }

    @Test
    void headersListTheLeafSetsOnlyAndAgreeEverywhere() throws Exception {
        List<String> expected =
                List.of("access:online", "access:openAccess", "library:fudan", "library:pku", "type:ebook");
        Document record = oai.get("verb", "GetRecord", "metadataPrefix", "oai_dc", "identifier", shared);
        assertEquals(expected, values(record, "//oai:header/oai:setSpec"));
        Document list = oai.get("verb", "ListIdentifiers", "metadataPrefix", "cashl", "set", "access");
        assertEquals(expected, values(list, "//oai:header[oai:identifier='" + shared + "']/oai:setSpec"));
        // "access" is implied by its leaves: a header lists the fewest specs that say the membership.
        Document emmaRecord = oai.get("verb", "GetRecord", "metadataPrefix", "oai_dc", "identifier", emma);
        assertEquals(
                List.of("access:online", "library:whu", "type:ebook"), values(emmaRecord, "//oai:header/oai:setSpec"));
        Document printRecord = oai.get("verb", "GetRecord", "metadataPrefix", "oai_dc", "identifier", print);
        assertEquals(List.of("library:pku", "type:book"), values(printRecord, "//oai:header/oai:setSpec"));
    }

    /** Last: it changes the catalogue the others read. */
    @Test
    @Order(Integer.MAX_VALUE)
    void recordsThatLeaveAnAccessSetAreDeletedInItsHarvests() throws Exception {
        union.apply(List.of(
                Books.book("fudan", "e1").deleted(), Books.book("whu", "e2").deleted()));
        union.refresh();
        assertEquals(Map.of(shared, "deleted"), harvest("access:openAccess"), "the open-access copy went");
        assertEquals(Map.of(shared, "", emma, "deleted"), harvest("access:online"), "the last copy went");
        assertEquals(Map.of(shared, "", emma, "deleted"), harvest("access"));
        Document records = oai.get("verb", "ListRecords", "metadataPrefix", "oai_dc", "set", "access:openAccess");
        assertEquals(List.of("deleted"), values(records, "//oai:record/oai:header/@status"));
        assertTrue(elements(records, "//oai:record/oai:metadata").isEmpty(), "a deleted header carries no record");
        Document record = oai.get("verb", "GetRecord", "metadataPrefix", "oai_dc", "identifier", shared);
        assertEquals(List.of("access:online", "library:pku", "type:ebook"), values(record, "//oai:header/oai:setSpec"));
        assertEquals(
                List.of("https://ebooks.example/e1"),
                values(record, "//oai_dc:dc/dc:identifier[starts-with(., 'https://')]"));
    }
}
