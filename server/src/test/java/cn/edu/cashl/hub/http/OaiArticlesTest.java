package cn.edu.cashl.hub.http;

import static cn.edu.cashl.hub.testkit.oai.OaiDocuments.elements;
import static cn.edu.cashl.hub.testkit.oai.OaiDocuments.value;
import static cn.edu.cashl.hub.testkit.oai.OaiDocuments.values;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.edu.cashl.hub.config.HubConfig;
import cn.edu.cashl.hub.schema.CashlRecords;
import cn.edu.cashl.hub.server.DemoHub;
import cn.edu.cashl.hub.server.Hub;
import cn.edu.cashl.hub.testkit.ProjectRoot;
import cn.edu.cashl.hub.testkit.PublishedSchemas;
import cn.edu.cashl.hub.testkit.oai.OaiDocuments;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
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
 * Journal articles over OAI-PMH on a running hub: the print journal Modern China imported as MARC,
 * then one of its articles twice, as a publisher's JATS (library pku) and as a Crossref work
 * (source crossref) whose DOI differs only in case, so that the two become one master record linked
 * to the journal's; and one article of a journal the hub does not hold (source fudan). Harvested
 * over real HTTP in every format: the article set, the merged record's provenance and journal link,
 * MODS's host item, MARC's 773, Dublin Core's citation and licence. Every response is validated
 * against OAI-PMH.xsd ({@link OaiDocuments}), and every record against its format's schema.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OaiArticlesTest {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** The schemas of the formats, by metadataPrefix: the official ones and the hub's own. */
    private static Map<String, Schema> schemas;

    private static final String LICENCE = "https://creativecommons.org/licenses/by/4.0/";
    private static final String ORCID = "0000-0002-1694-233X";
    private static final String TITLE = "Household registration and labour migration in reform-era China";

    /** Modern China 46(3) as its publisher's JATS front matter gives it: DOI in upper case. */
    private static final String JATS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <article xmlns:xlink="http://www.w3.org/1999/xlink" article-type="research-article"
                     dtd-version="1.2" xml:lang="en">
              <front>
                <journal-meta>
                  <journal-id journal-id-type="publisher-id">MCX</journal-id>
                  <journal-title-group><journal-title>Modern China</journal-title></journal-title-group>
                  <issn pub-type="ppub">0097-7004</issn>
                  <issn pub-type="epub">1552-6836</issn>
                  <publisher><publisher-name>SAGE Publications</publisher-name></publisher>
                </journal-meta>
                <article-meta>
                  <article-id pub-id-type="doi">10.1177/MCX.2020.46.3.245</article-id>
                  <title-group>
                    <article-title>Household registration and labour migration in reform-era China</article-title>
                  </title-group>
                  <contrib-group>
                    <contrib contrib-type="author">
                      <contrib-id contrib-id-type="orcid">https://orcid.org/0000-0002-1694-233X</contrib-id>
                      <name><surname>Zhang</surname><given-names>Min</given-names></name>
                      <xref ref-type="aff" rid="aff1"/>
                    </contrib>
                  </contrib-group>
                  <aff id="aff1">Fudan University, School of Social Development and Public Policy</aff>
                  <pub-date pub-type="ppub"><month>5</month><year>2020</year></pub-date>
                  <volume>46</volume>
                  <issue>3</issue>
                  <fpage>245</fpage>
                  <lpage>276</lpage>
                  <permissions>
                    <license license-type="open-access"
                             xlink:href="https://creativecommons.org/licenses/by/4.0/"><license-p>CC BY 4.0</license-p></license>
                  </permissions>
                  <abstract><p>Migrants without a local hukou were kept out of urban welfare until the 2014 reform.</p></abstract>
                  <kwd-group><kwd>hukou</kwd><kwd>internal migration</kwd></kwd-group>
                </article-meta>
              </front>
            </article>
            """;

    /** The same article as a Crossref work: its DOI in lower case. */
    private static final String WORK = "{\"DOI\":\"10.1177/mcx.2020.46.3.245\",\"type\":\"journal-article\","
            + "\"title\":[\"" + TITLE + "\"],"
            + "\"author\":[{\"given\":\"Min\",\"family\":\"Zhang\",\"sequence\":\"first\","
            + "\"ORCID\":\"http://orcid.org/" + ORCID + "\",\"authenticated-orcid\":false,"
            + "\"affiliation\":[{\"name\":\"Fudan University\"}]}],"
            + "\"container-title\":[\"Modern China\"],\"publisher\":\"SAGE Publications\","
            + "\"ISSN\":[\"0097-7004\",\"1552-6836\"],\"issn-type\":[{\"value\":\"0097-7004\",\"type\":\"print\"},"
            + "{\"value\":\"1552-6836\",\"type\":\"electronic\"}],"
            + "\"volume\":\"46\",\"issue\":\"3\",\"page\":\"245-276\","
            + "\"published-print\":{\"date-parts\":[[2020,5]]},\"issued\":{\"date-parts\":[[2020,5]]},"
            + "\"language\":\"en\",\"license\":[{\"URL\":\"" + LICENCE + "\",\"content-version\":\"vor\","
            + "\"delay-in-days\":0}]}\n";

    /** An article of a journal the hub does not hold. */
    private static final String UNHELD = """
            <?xml version="1.0" encoding="UTF-8"?>
            <article article-type="research-article" dtd-version="1.2" xml:lang="en">
              <front>
                <journal-meta>
                  <journal-title-group><journal-title>Journal of Chinese Political Science</journal-title></journal-title-group>
                  <issn publication-format="print">1080-6954</issn>
                  <issn publication-format="electronic">1874-6357</issn>
                </journal-meta>
                <article-meta>
                  <article-id pub-id-type="doi">10.1007/s11366-021-09731-0</article-id>
                  <title-group><article-title>Petitioning and local cadres in rural Sichuan</article-title></title-group>
                  <contrib-group>
                    <contrib contrib-type="author"><name><surname>Liu</surname><given-names>Yang</given-names></name></contrib>
                  </contrib-group>
                  <pub-date publication-format="print"><year>2021</year></pub-date>
                  <volume>26</volume>
                  <issue>4</issue>
                  <fpage>611</fpage>
                  <lpage>632</lpage>
                </article-meta>
              </front>
            </article>
            """;

    @TempDir
    static Path work;

    private Hub hub;
    private String base;
    private String prefix;

    @BeforeAll
    void startHub() throws Exception {
        Path data = work.resolve("data");
        Path config = ProjectRoot.find().resolve("config/cashl-hub.yaml");
        DemoHub.importFile(config, data, "local", write("modern-china.xml", SruArticlesTest.MODERN_CHINA));
        DemoHub.importFile(config, data, "pku", write("jats.xml", JATS));
        DemoHub.importFile(config, data, "crossref", "crossref", write("work.json", WORK), 0);
        DemoHub.importFile(config, data, "fudan", write("unheld.xml", UNHELD));
        HubConfig loopback = DemoHub.loopback(config, data);
        hub = Hub.start(loopback, data);
        base = "http://127.0.0.1:" + hub.port() + "/oai";
        prefix = "oai:" + loopback.oai().repositoryIdentifier() + ":";
    }

    private static Path write(String name, String content) throws Exception {
        Path file = work.resolve(name);
        Files.writeString(file, content);
        return file;
    }

    @AfterAll
    void stopHub() {
        if (hub != null) {
            hub.close();
        }
    }

    /** A response, valid against OAI-PMH.xsd (else the test fails), and not an error. */
    private Document get(String query) throws Exception {
        HttpResponse<byte[]> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(base + "?" + query))
                        .timeout(Duration.ofSeconds(60))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode(), () -> new String(response.body(), StandardCharsets.UTF_8));
        Document doc = OaiDocuments.parse(response.body());
        assertEquals("", OaiDocuments.errorCode(doc), () -> query + ": " + value(doc, "//oai:error"));
        return doc;
    }

    /** The headers' identifiers of a whole list, following resumption tokens. */
    private List<String> list(String verb, String arguments) throws Exception {
        List<String> identifiers = new ArrayList<>();
        Document page = get("verb=" + verb + "&" + arguments);
        while (true) {
            identifiers.addAll(values(page, "//oai:header/oai:identifier"));
            String token = value(page, "//oai:resumptionToken");
            if (token.isEmpty()) {
                return identifiers;
            }
            page = get("verb=" + verb + "&resumptionToken=" + q(token));
        }
    }

    /** The metadata of one record in a format, validated against that format's schema. */
    private Element record(String identifier, String metadataPrefix) throws Exception {
        Document doc = get("verb=GetRecord&metadataPrefix=" + metadataPrefix + "&identifier=" + q(identifier));
        List<Element> metadata = elements(doc, "//oai:GetRecord/oai:record/oai:metadata/*");
        assertEquals(1, metadata.size(), identifier + " in " + metadataPrefix);
        validate(metadataPrefix, metadata.get(0));
        return metadata.get(0);
    }

    private static synchronized void validate(String metadataPrefix, Element metadata) throws Exception {
        if (schemas == null) {
            Map<String, Schema> byPrefix = new HashMap<>(PublishedSchemas.publishedFormats());
            byPrefix.put("cashl", CashlRecords.get().schema());
            schemas = byPrefix;
        }
        try {
            schemas.get(metadataPrefix).newValidator().validate(new DOMSource(metadata));
        } catch (org.xml.sax.SAXException e) {
            throw new AssertionError(metadataPrefix + " record not valid against its schema: " + e.getMessage(), e);
        }
    }

    private static String q(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The identifier of the one record a set lists. */
    private String only(String set) throws Exception {
        List<String> identifiers = list("ListIdentifiers", "metadataPrefix=oai_dc&set=" + set);
        assertEquals(1, identifiers.size(), set + ": " + identifiers);
        return identifiers.get(0);
    }

    private String journal() throws Exception {
        return only("type:journal");
    }

    private String merged() throws Exception {
        return only("library:pku");
    }

    /** The other article: without a licence it has no open-access holding, so no library set names it. */
    private String unheld() throws Exception {
        List<String> articles = list("ListIdentifiers", "metadataPrefix=oai_dc&set=type:article");
        articles.remove(merged());
        assertEquals(1, articles.size(), articles::toString);
        return articles.get(0);
    }

    /** The master record id an OAI identifier names. */
    private String id(String identifier) {
        assertTrue(identifier.startsWith(prefix), identifier);
        return identifier.substring(prefix.length());
    }

    @Test
    void theArticleSetListsExactlyTheArticleMasterRecords() throws Exception {
        Document page = get("verb=ListRecords&metadataPrefix=oai_dc&set=type:article");
        Set<String> listed = new TreeSet<>(values(page, "//oai:record/oai:header/oai:identifier"));
        assertEquals(2, listed.size(), "two articles: the two feeds' article is one record: " + listed);
        assertTrue(listed.contains(merged()), listed::toString);
        assertEquals(
                Set.of(TITLE, "Petitioning and local cadres in rural Sichuan"),
                new TreeSet<>(values(page, "//oai:record/oai:metadata/oai_dc:dc/dc:title")));
        assertEquals("", value(page, "//oai:resumptionToken"), "one page");
        assertEquals(2, elements(page, "//oai:record/oai:header[not(@status)]").size(), "both live");
        for (Element metadata : elements(page, "//oai:record/oai:metadata/*")) {
            validate("oai_dc", metadata);
            assertTrue(values(metadata, "dc:type").contains("article"), values(metadata, "dc:type")::toString);
        }
        for (Element header : elements(page, "//oai:record/oai:header")) {
            assertTrue(values(header, "oai:setSpec").contains("type:article"), values(header, "oai:setSpec")::toString);
        }
        assertFalse(listed.contains(journal()), "the journal is no article");
        assertEquals(
                Set.of(merged(), unheld(), journal()),
                new TreeSet<>(list("ListIdentifiers", "metadataPrefix=oai_dc")),
                "the catalogue: the journal and two articles; the two feeds' article is one record");
    }

    @Test
    void theMergedArticleKeepsBothFeedsAndNamesItsJournal() throws Exception {
        Document doc = get("verb=GetRecord&metadataPrefix=cashl&identifier=" + q(merged()));
        Element cashl = elements(doc, "//oai:metadata/*").get(0);
        validate("cashl", cashl);
        assertEquals("article", value(cashl, "@type"));
        assertEquals(TITLE, value(cashl, "c:title/c:main"));
        assertEquals(
                Set.of("pku", "crossref"),
                new TreeSet<>(values(cashl, "c:provenance/@source")),
                "one provenance entry per feed");
        assertEquals(2, elements(cashl, "c:provenance").size());
        assertEquals(
                Set.of("jats-to-cashl", "crossref-to-cashl"),
                new TreeSet<>(values(cashl, "c:provenance/@crosswalk").stream()
                        .map(c -> c.replaceFirst("@\\d+$", ""))
                        .toList()));
        assertEquals(
                "10.1177/mcx.2020.46.3.245", value(cashl, "c:identifiers/c:doi").toLowerCase());
        assertEquals(1, elements(cashl, "c:identifiers/c:doi").size(), "one DOI, whatever its case");
        assertEquals(id(journal()), value(cashl, "c:isPartOf/@record"), "linked to the journal's master record");
        assertEquals("0097-7004", value(cashl, "c:isPartOf/c:issn"));
        assertEquals("1552-6836", value(cashl, "c:isPartOf/c:eissn"));
        assertEquals(ORCID, value(cashl, "c:contributor/c:orcid"));
        assertEquals(LICENCE, value(cashl, "c:licence"));
        assertEquals(
                2,
                elements(doc, "//oai:record/oai:about/prov:provenance//prov:originDescription[@altered='true']")
                        .size(),
                "the OAI provenance names both origins");
        assertTrue(
                values(doc, "//oai:header/oai:setSpec").containsAll(List.of("type:article", "library:pku")),
                values(doc, "//oai:header/oai:setSpec")::toString);
    }

    @Test
    void modsNamesTheHostJournalAndItsRecordTheAuthorsOrcidAndTheLicence() throws Exception {
        Element mods = record(merged(), "mods");
        List<Element> hosts = elements(mods, "mods:relatedItem[@type='host']");
        assertEquals(1, hosts.size());
        Element host = hosts.get(0);
        assertEquals("Modern China", value(host, "mods:titleInfo/mods:title"));
        assertTrue(
                values(host, "mods:identifier[@type='issn']").contains("0097-7004"),
                values(host, "mods:identifier")::toString);
        assertEquals(id(journal()), value(host, "mods:recordInfo/mods:recordIdentifier"));
        assertEquals("CASHL Hub", value(host, "mods:recordInfo/mods:recordIdentifier/@source"));
        assertEquals("46", value(host, "mods:part/mods:detail[@type='volume']/mods:number"));
        assertEquals("3", value(host, "mods:part/mods:detail[@type='issue']/mods:number"));
        assertEquals("245", value(host, "mods:part/mods:extent[@unit='pages']/mods:start"));
        assertEquals("https://orcid.org/" + ORCID, value(mods, "mods:name/mods:nameIdentifier[@type='orcid']"));
        assertFalse(value(mods, "mods:name/mods:affiliation").isEmpty(), "the author's affiliation");
        assertEquals(LICENCE, value(mods, "mods:accessCondition[@type='use and reproduction']"));

        Element unheld = record(unheld(), "mods");
        assertEquals(
                "Journal of Chinese Political Science",
                value(unheld, "mods:relatedItem[@type='host']/mods:titleInfo/mods:title"));
        assertEquals(
                0,
                elements(unheld, "mods:relatedItem[@type='host']/mods:recordInfo")
                        .size(),
                "no journal record to name");
    }

    @Test
    void marcHasA773WithTheJournalsIssnAndRecordAndTheAuthorsOrcid() throws Exception {
        Element marc = record(merged(), "marc21");
        List<Element> hosts = elements(marc, "marc:datafield[@tag='773']");
        assertEquals(1, hosts.size());
        Element host = hosts.get(0);
        assertEquals("Modern China", value(host, "marc:subfield[@code='t']"));
        assertEquals("0097-7004", value(host, "marc:subfield[@code='x']"));
        assertEquals(id(journal()), value(host, "marc:subfield[@code='w']"));
        assertTrue(value(host, "marc:subfield[@code='g']").contains("46"), value(host, "marc:subfield[@code='g']"));
        assertEquals("46:3<245", value(host, "marc:subfield[@code='q']"));
        assertEquals("https://orcid.org/" + ORCID, value(marc, "marc:datafield[@tag='100']/marc:subfield[@code='1']"));
        assertFalse(value(marc, "marc:datafield[@tag='100']/marc:subfield[@code='u']")
                .isEmpty());
        assertEquals(LICENCE, value(marc, "marc:datafield[@tag='540']/marc:subfield[@code='u']"));

        Element unheld = record(unheld(), "marc21");
        assertEquals("1080-6954", value(unheld, "marc:datafield[@tag='773']/marc:subfield[@code='x']"));
        assertEquals(
                0,
                elements(unheld, "marc:datafield[@tag='773']/marc:subfield[@code='w']")
                        .size());
    }

    @Test
    void dublinCoreHasTheCitationAndTheLicence() throws Exception {
        Element dc = record(merged(), "oai_dc");
        String source = value(dc, "dc:source");
        assertTrue(source.contains("Modern China") && source.contains("46"), source);
        assertEquals(List.of(LICENCE), values(dc, "dc:rights"));
        assertTrue(values(dc, "dc:relation").contains("urn:issn:0097-7004"), values(dc, "dc:relation")::toString);
        assertTrue(
                values(dc, "dc:identifier").stream()
                        .anyMatch(i -> i.equalsIgnoreCase("https://doi.org/10.1177/mcx.2020.46.3.245")),
                values(dc, "dc:identifier")::toString);
    }

    @Test
    void theUnheldJournalsArticleHasItsJournalWithoutALink() throws Exception {
        Element cashl = record(unheld(), "cashl");
        assertEquals(1, elements(cashl, "c:isPartOf").size());
        assertEquals("Journal of Chinese Political Science", value(cashl, "c:isPartOf/c:title"));
        assertEquals("1080-6954", value(cashl, "c:isPartOf/c:issn"));
        assertEquals(0, elements(cashl, "c:isPartOf[@record]").size(), "the hub holds no such journal");
        assertEquals("", value(cashl, "c:holding"), "no licence, so no open-access holding");
    }

    @Test
    void everyRecordIsValidInEveryFormat() throws Exception {
        for (String metadataPrefix : List.of("oai_dc", "mods", "marc21", "cashl")) {
            Document page = get("verb=ListRecords&metadataPrefix=" + metadataPrefix);
            List<Element> metadata = elements(page, "//oai:record/oai:metadata/*");
            assertEquals(3, metadata.size(), metadataPrefix);
            for (Element element : metadata) {
                validate(metadataPrefix, element);
            }
        }
    }
}
