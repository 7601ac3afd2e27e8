package cn.edu.cashl.hub.harvest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.edu.cashl.hub.catalog.SourceField;
import cn.edu.cashl.hub.catalog.StoreCollection;
import cn.edu.cashl.hub.catalog.StoredRecord;
import cn.edu.cashl.hub.harvest.oai.Granularity;
import cn.edu.cashl.hub.ingest.RecordIds;
import cn.edu.cashl.hub.testkit.TestData;
import cn.edu.cashl.hub.testkit.XmlDocuments;
import cn.edu.cashl.hub.testkit.oai.Feed;
import cn.edu.cashl.hub.testkit.oai.OaiDocuments;
import cn.edu.cashl.hub.testkit.oai.OaiTestServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/**
 * Article feeds harvested through the OAI-PMH harvester from loopback servers, through the real
 * ingest pipeline: arXiv ({@code metadataPrefix: arXiv}, set {@code cs}) serving a real arXiv
 * ListRecords response of the shared test data as it was captured (46 e-prints on one page), and
 * DOAJ ({@code metadataPrefix: oai_doaj}) serving records written here in the shape of DOAJ's
 * documented {@code oai_doaj} example, on two pages joined by a resumption token, with a withdrawn
 * article as a deleted header. Each record must reach the crosswalk of its format and become an
 * article, with its DOI and open-access holding; a second run asks {@code from} the watermark, and
 * DOAJ's deletion deletes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArticleHarvestTest {

    private static final XmlDocuments CASHL = new XmlDocuments(Map.of("c", "https://ns.cashl.edu.cn/record/v1"));

    private HarvestFixture fixture;

    @BeforeAll
    void open(@TempDir Path dir) {
        fixture = new HarvestFixture(dir);
    }

    @AfterAll
    void close() {
        if (fixture != null) {
            fixture.close();
        }
    }

    // ---------------------------------------------------------------- arXiv

    /** When the captured arXiv response was recorded, and what an Identify of that moment says. */
    private static final String ARXIV_RESPONSE_DATE = "2016-01-18T15:33:12Z";
    /** The datestamp of every record of the capture (it asked for 2015-01-16..2015-01-18). */
    private static final LocalDate ARXIV_DATESTAMP = LocalDate.parse("2015-01-16");

    /**
     * arXiv's repository as of the capture: day granularity, and ListRecords of set {@code cs} in
     * {@code arXiv} answered with the captured response, whole, whenever the asked dates include its
     * records' datestamp, else {@code noRecordsMatch}, as arXiv answers.
     */
    private static final class ArxivFeed implements Feed {
        private final byte[] page;

        ArxivFeed(Path capture) throws IOException {
            this.page = Files.readAllBytes(capture);
        }

        @Override
        public byte[] identify() {
            return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                            + "<OAI-PMH xmlns=\"http://www.openarchives.org/OAI/2.0/\"><responseDate>"
                            + ARXIV_RESPONSE_DATE + "</responseDate>"
                            + "<request verb=\"Identify\">http://export.arxiv.org/oai2</request><Identify>"
                            + "<repositoryName>arXiv</repositoryName><baseURL>http://export.arxiv.org/oai2</baseURL>"
                            + "<protocolVersion>2.0</protocolVersion><adminEmail>help@arxiv.org</adminEmail>"
                            + "<earliestDatestamp>2007-05-23</earliestDatestamp><deletedRecord>persistent</deletedRecord>"
                            + "<granularity>YYYY-MM-DD</granularity></Identify></OAI-PMH>")
                    .getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public byte[] listRecords(Map<String, String> arguments) {
            if (arguments.containsKey("resumptionToken")) {
                return Feed.error("badResumptionToken", "no token was issued");
            }
            if (!"arXiv".equals(arguments.get("metadataPrefix"))) {
                return Feed.error("cannotDisseminateFormat", "the test serves arXiv only");
            }
            String from = arguments.get("from");
            String until = arguments.get("until");
            boolean inside = (from == null || !day(from).isAfter(ARXIV_DATESTAMP))
                    && (until == null || !day(until).isBefore(ARXIV_DATESTAMP));
            return inside && "cs".equals(arguments.get("set")) ? page : Feed.error("noRecordsMatch", "no records");
        }

        private static LocalDate day(String datestamp) {
            return LocalDate.parse(datestamp.substring(0, 10));
        }
    }

    @Test
    void arxivEprintsBecomeOpenAccessArticlesAndTheNextRunAsksFromTheWatermark() throws Exception {
        Path capture = TestData.file("articles/invenio-oaiharvester/sample_arxiv_response_listrecords_cs.xml");
        String text = Files.readString(capture);
        Map<String, String> doiByIdentifier = new TreeMap<>();
        Matcher m = Pattern.compile("(?s)<identifier>([^<]+)</identifier>.*?</record>")
                .matcher(text);
        while (m.find()) {
            Matcher doi = Pattern.compile("<doi>([^<]+)</doi>").matcher(m.group());
            doiByIdentifier.put(m.group(1).strip(), doi.find() ? doi.group(1).strip() : null);
        }
        assertEquals(46, doiByIdentifier.size(), "the capture's records");

        try (OaiTestServer server = OaiTestServer.start(new ArxivFeed(capture))) {
            Harvester harvester = fixture.harvester(
                    HarvestFixture.FAST,
                    HarvestFixture.oai("arxiv", server.baseUrl(), "arXiv").withSets(List.of("cs")));
            RunRecord first = harvester.harvest("arxiv", false, "test");
            assertEquals(RunOutcome.COMPLETE, first.outcome(), first.reason());
            assertTrue(first.full());
            assertEquals(1, server.pagesServed(), "one page of records: the capture, whole");
            assertEquals(46, first.counts().records(), first.counts().toString());
            assertEquals(46, first.counts().added, first.counts().toString());
            assertEquals(ARXIV_RESPONSE_DATE, first.watermarkAfter());
            assertTrue(
                    server.listQueries().stream()
                            .allMatch(q -> q.contains("metadataPrefix=arXiv") && q.contains("set=cs")),
                    server.listQueries().toString());

            TreeMap<String, String> records = fixture.sourceRecords("arxiv");
            assertEquals(46, records.size());
            assertAccountedFor(records, first);
            int withDoi = 0;
            for (Map.Entry<String, String> e : doiByIdentifier.entrySet()) {
                String oaiId = e.getKey();
                StoredRecord record = sourceRecord("arxiv", oaiId);
                assertEquals("accepted", record.status(), oaiId + ": " + SourceField.REASON.of(record));
                String arxivId = oaiId.substring("oai:arXiv.org:".length());
                Document doc = XmlDocuments.parse(record.xml().getBytes(StandardCharsets.UTF_8));
                assertArticle("arxiv", "arxiv-to-cashl", record, doc);
                assertEquals(
                        "https://arxiv.org/abs/" + arxivId,
                        CASHL.value(doc, "/c:record/c:holding[@access='openAccess']/c:url"),
                        oaiId);
                assertEquals(oaiId, CASHL.value(doc, "/c:record/c:provenance/@sourceIdentifier"));
                assertEquals(ARXIV_DATESTAMP.toString(), CASHL.value(doc, "/c:record/c:provenance/@sourceDatestamp"));
                if (e.getValue() != null) {
                    withDoi++;
                    assertEquals(
                            e.getValue().toLowerCase(),
                            CASHL.value(doc, "/c:record/c:identifiers/c:doi").toLowerCase(),
                            oaiId);
                } else {
                    assertEquals("", CASHL.value(doc, "/c:record/c:identifiers/c:doi"), oaiId);
                }
                assertMaster(record.id(), true);
            }
            assertEquals(8, withDoi, "the capture's e-prints with a DOI");
            assertEquals(46, fixture.mastersOf("arxiv"), "no two e-prints are one article");

            // The next run asks from the watermark (less the overlap) at arXiv's day granularity: nothing since.
            RunRecord second = harvester.harvest("arxiv", false, "test");
            assertEquals(RunOutcome.COMPLETE, second.outcome(), second.reason());
            assertFalse(second.full());
            assertEquals(ARXIV_RESPONSE_DATE, second.watermarkBefore());
            String from =
                    Granularity.DAY.format(Instant.parse(ARXIV_RESPONSE_DATE).minusSeconds(60));
            assertEquals("2016-01-18", from);
            List<String> lists = server.listQueries();
            assertTrue(lists.get(lists.size() - 1).contains("from=" + from), lists.toString());
            assertEquals(0, second.counts().records(), second.counts().toString());
            assertEquals(46, fixture.sourceRecords("arxiv").size());
        }
    }

    // ---------------------------------------------------------------- DOAJ

    private static final String DOAJ_NS = "http://doaj.org/features/oai_doaj/1.0/";

    /** One DOAJ article, as DOAJ's documented oai_doaj example writes one. */
    private record DoajArticle(String identifier, String metadata) {}

    /**
     * A DOAJ article feed at second granularity: records on pages of {@value #PAGE}, a token that
     * carries the position and the dates asked for, {@code from} and {@code until} honoured, deleted
     * records kept as deleted headers. Articles can be changed and withdrawn while it runs, which
     * dates them now.
     */
    private static final class DoajFeed implements Feed {
        static final int PAGE = 3;
        private final List<String> identifiers = new ArrayList<>();
        private final List<String> metadata = new ArrayList<>();
        private final List<Instant> datestamps = new ArrayList<>();
        private final Instant earliest;

        DoajFeed(Instant datestamp, List<DoajArticle> articles) {
            this.earliest = datestamp;
            for (DoajArticle article : articles) {
                identifiers.add(article.identifier());
                metadata.add(article.metadata());
                datestamps.add(datestamp);
            }
        }

        synchronized void withdraw(String identifier) {
            change(identifier, null);
        }

        synchronized void change(String identifier, String newMetadata) {
            int i = identifiers.indexOf(identifier);
            metadata.set(i, newMetadata);
            datestamps.set(i, Instant.now().truncatedTo(ChronoUnit.SECONDS));
        }

        @Override
        public byte[] identify() {
            return envelope("<request verb=\"Identify\">https://doaj.org/oai.article</request><Identify>"
                    + "<repositoryName>Directory of Open Access Journals</repositoryName>"
                    + "<baseURL>https://doaj.org/oai.article</baseURL><protocolVersion>2.0</protocolVersion>"
                    + "<adminEmail>helpdesk@doaj.org</adminEmail><earliestDatestamp>" + earliest
                    + "</earliestDatestamp><deletedRecord>persistent</deletedRecord>"
                    + "<granularity>YYYY-MM-DDThh:mm:ssZ</granularity></Identify>");
        }

        @Override
        public synchronized byte[] listRecords(Map<String, String> arguments) {
            String token = arguments.get("resumptionToken");
            String from = arguments.get("from");
            String until = arguments.get("until");
            int start = 0;
            if (token != null) {
                String[] parts = token.split("!", -1);
                if (parts.length != 3) {
                    return Feed.error("badResumptionToken", "not a token of this repository");
                }
                start = Integer.parseInt(parts[0]);
                from = parts[1].isEmpty() ? null : parts[1];
                until = parts[2].isEmpty() ? null : parts[2];
            } else if (!"oai_doaj".equals(arguments.get("metadataPrefix"))) {
                return Feed.error("cannotDisseminateFormat", "oai_dc and oai_doaj only; the test serves oai_doaj");
            }
            List<Integer> matching = new ArrayList<>();
            for (int i = 0; i < identifiers.size(); i++) {
                Instant datestamp = datestamps.get(i);
                if ((from == null || !datestamp.isBefore(instant(from, false)))
                        && (until == null || !datestamp.isAfter(instant(until, true)))) {
                    matching.add(i);
                }
            }
            if (matching.isEmpty()) {
                return Feed.error("noRecordsMatch", "no records");
            }
            StringBuilder body = new StringBuilder(
                    "<request verb=\"ListRecords\" metadataPrefix=\"oai_doaj\">https://doaj.org/oai.article</request>"
                            + "<ListRecords>");
            int end = Math.min(start + PAGE, matching.size());
            for (int i : matching.subList(start, end)) {
                boolean deleted = metadata.get(i) == null;
                body.append("<record><header")
                        .append(deleted ? " status=\"deleted\"" : "")
                        .append("><identifier>")
                        .append(identifiers.get(i))
                        .append("</identifier><datestamp>")
                        .append(datestamps.get(i))
                        .append("</datestamp><setSpec>TENDOkVjb25vbWljIHRoZW9yeS4gRGVtb2dyYXBoeQ~~</setSpec></header>");
                if (!deleted) {
                    body.append("<metadata xmlns:oai_doaj=\"" + DOAJ_NS + "\">")
                            .append(metadata.get(i))
                            .append("</metadata>");
                }
                body.append("</record>");
            }
            if (token != null || end < matching.size()) {
                body.append("<resumptionToken completeListSize=\"")
                        .append(matching.size())
                        .append("\" cursor=\"")
                        .append(start)
                        .append("\">")
                        .append(
                                end < matching.size()
                                        ? end + "!" + (from == null ? "" : from) + "!" + (until == null ? "" : until)
                                        : "")
                        .append("</resumptionToken>");
            }
            body.append("</ListRecords>");
            return envelope(body.toString());
        }

        private static Instant instant(String datestamp, boolean endOfDay) {
            if (datestamp.length() == 10) {
                Instant day = LocalDate.parse(datestamp).atStartOfDay().toInstant(ZoneOffset.UTC);
                return endOfDay ? day.plusSeconds(86_399) : day;
            }
            return Instant.parse(datestamp);
        }

        private static byte[] envelope(String body) {
            return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<OAI-PMH xmlns=\"http://www.openarchives.org/OAI/2.0/\" "
                            + "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\""
                            + "http://www.openarchives.org/OAI/2.0/ http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd\">"
                            + "<responseDate>" + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "</responseDate>"
                            + body + "</OAI-PMH>")
                    .getBytes(StandardCharsets.UTF_8);
        }
    }

    private static final String WITH_DOI_AND_FULL_TEXT = "oai:doaj.org/article:0a3c5e7f9b1d4f6a8c0e2a4c6e8a0c2e";
    private static final String WITH_DOI_ONLY = "oai:doaj.org/article:1b4d6f8a0c2e4a6c8e0a2c4e6a8c0e2a";
    private static final String WITH_FULL_TEXT_ONLY = "oai:doaj.org/article:2c5e7a9c1e3a5c7e9a1c3e5a7c9e1a3c";
    private static final String TO_BE_CHANGED = "oai:doaj.org/article:3d6f8b0d2f4b6d8f0b2d4f6b8d0f2b4d";
    private static final String TO_BE_WITHDRAWN = "oai:doaj.org/article:4e7a9c1e3a5c7e9a1c3e5a7c9e1a3c5e";
    private static final String WITHDRAWN_BEFORE = "oai:doaj.org/article:5f8b0d2f4b6d8f0b2d4f6b8d0f2b4d6f";

    /**
     * The authors and their affiliations unprefixed, as DOAJ's documentation shows them: inside an
     * OAI-PMH response they are in its default namespace. The second author's ORCID iD is the made-up
     * one of DOAJ's example, whose check character fails.
     */
    private static final String AUTHORS = "<authors>"
            + "<author><name>Ana Horvat</name><affiliationId>0</affiliationId>"
            + "<orcid_id>https://orcid.org/0000-0002-1825-0097</orcid_id></author>"
            + "<author><name>Marko Kova&#x10D;</name><affiliationId>1</affiliationId>"
            + "<orcid_id>https://orcid.org/0000-0001-1234-1234</orcid_id></author>"
            + "</authors>"
            + "<affiliationsList>"
            + "<affiliationName affiliationId=\"0\">The Institute of Economics, Zagreb, Croatia</affiliationName>"
            + "<affiliationName affiliationId=\"1\">University of Zagreb, Faculty of Economics and Business,"
            + " Zagreb, Croatia</affiliationName>"
            + "</affiliationsList>";

    /** An oai_doaj record in the shape of DOAJ's documented example: the fields prefixed, the authors not. */
    private static String doaj(
            String title, String doi, String fullText, String volume, String issue, String pages, String abstractText) {
        String[] range = pages.split("-");
        return "<oai_doaj:doajArticle xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\""
                + DOAJ_NS + " https://doaj.org/static/doaj/doajArticles.xsd\">"
                + "<oai_doaj:language>eng</oai_doaj:language>"
                + "<oai_doaj:publisher>The Institute of Economics, Zagreb</oai_doaj:publisher>"
                + "<oai_doaj:journalTitle>Croatian Economic Survey</oai_doaj:journalTitle>"
                + "<oai_doaj:issn>1330-4860</oai_doaj:issn>"
                + "<oai_doaj:eissn>1846-3878</oai_doaj:eissn>"
                + "<oai_doaj:publicationDate>2019-06-01</oai_doaj:publicationDate>"
                + "<oai_doaj:volume>" + volume + "</oai_doaj:volume>"
                + "<oai_doaj:issue>" + issue + "</oai_doaj:issue>"
                + "<oai_doaj:startPage>" + range[0] + "</oai_doaj:startPage>"
                + "<oai_doaj:endPage>" + range[1] + "</oai_doaj:endPage>"
                + (doi == null ? "" : "<oai_doaj:doi>" + doi + "</oai_doaj:doi>")
                + "<oai_doaj:publisherRecordId>" + range[0] + "</oai_doaj:publisherRecordId>"
                + "<oai_doaj:documentType>article</oai_doaj:documentType>"
                + "<oai_doaj:title language=\"eng\">" + title + "</oai_doaj:title>"
                + AUTHORS
                + "<oai_doaj:abstract language=\"eng\">" + abstractText + "</oai_doaj:abstract>"
                + (fullText == null
                        ? ""
                        : "<oai_doaj:fullTextUrl format=\"pdf\">" + fullText + "</oai_doaj:fullTextUrl>")
                + "<oai_doaj:keywords><oai_doaj:keyword>labour markets</oai_doaj:keyword>"
                + "<oai_doaj:keyword>transition economies</oai_doaj:keyword></oai_doaj:keywords>"
                + "</oai_doaj:doajArticle>";
    }

    /** The same record with every element prefixed, authors too, as DOAJ's service also writes them. */
    private static String allPrefixed(String record) {
        return record.replaceAll(
                "<(/?)(authors|author|name|affiliationId|orcid_id|affiliationsList|affiliationName)([ >])",
                "<$1oai_doaj:$2$3");
    }

    private static List<DoajArticle> doajArticles() {
        return List.of(
                new DoajArticle(
                        WITH_DOI_AND_FULL_TEXT,
                        doaj(
                                "Wage bargaining in post-socialist Croatia",
                                "10.15179/ces.21.1.1",
                                "https://hrcak.srce.hr/file/321001",
                                "21",
                                "1",
                                "1-34",
                                "Collective agreements after 1990 set wages in the public sector.")),
                new DoajArticle(
                        WITH_DOI_ONLY,
                        allPrefixed(doaj(
                                "Fiscal decentralisation and regional growth",
                                "https://doi.org/10.15179/CES.21.1.2",
                                null,
                                "21",
                                "1",
                                "35-66",
                                "Counties with more fiscal autonomy grew faster."))),
                new DoajArticle(
                        WITH_FULL_TEXT_ONLY,
                        doaj(
                                "Remittances and household consumption",
                                null,
                                "https://hrcak.srce.hr/file/321003",
                                "21",
                                "1",
                                "67-95",
                                "Remittances smooth the consumption of poorer households.")),
                new DoajArticle(
                        TO_BE_CHANGED,
                        doaj(
                                "Tourism and the seasonality of employment",
                                "10.15179/ces.21.2.1",
                                "https://hrcak.srce.hr/file/321004",
                                "21",
                                "2",
                                "1-28",
                                "Seasonal jobs on the coast.")),
                new DoajArticle(
                        TO_BE_WITHDRAWN,
                        doaj(
                                "Pension reform and early retirement",
                                "10.15179/ces.21.2.2",
                                "https://hrcak.srce.hr/file/321005",
                                "21",
                                "2",
                                "29-58",
                                "The 2002 pension reform moved retirement later.")),
                new DoajArticle(WITHDRAWN_BEFORE, null));
    }

    @Test
    void doajArticlesOnTwoPagesBecomeOpenAccessArticlesAndAWithdrawnOneIsDeleted() throws Exception {
        DoajFeed feed = new DoajFeed(HarvestFixture.yesterday(), doajArticles());
        // The pages written here are valid OAI-PMH: two pages, the second with the deleted header.
        Document firstPage = OaiDocuments.parse(feed.listRecords(Map.of("metadataPrefix", "oai_doaj")));
        assertEquals(3, OaiDocuments.elements(firstPage, "//oai:record").size());
        String token = OaiDocuments.value(firstPage, "//oai:resumptionToken");
        Document secondPage = OaiDocuments.parse(feed.listRecords(Map.of("resumptionToken", token)));
        assertEquals(3, OaiDocuments.elements(secondPage, "//oai:record").size());
        assertEquals(
                1,
                OaiDocuments.elements(secondPage, "//oai:header[@status='deleted']")
                        .size());
        assertEquals("", OaiDocuments.value(secondPage, "//oai:resumptionToken"));

        try (OaiTestServer server = OaiTestServer.start(feed)) {
            Harvester harvester =
                    fixture.harvester(HarvestFixture.FAST, HarvestFixture.oai("doaj", server.baseUrl(), "oai_doaj"));
            RunRecord first = harvester.harvest("doaj", false, "test");
            assertEquals(RunOutcome.COMPLETE, first.outcome(), first.reason());
            assertEquals(2, first.counts().pages, "two pages, joined by a resumption token");
            assertTrue(
                    server.listQueries().stream().anyMatch(q -> q.contains("resumptionToken=")),
                    server.listQueries().toString());
            assertEquals(6, first.counts().records(), first.counts().toString());
            assertEquals(5, first.counts().accepted, first.counts().toString());
            assertEquals(1, first.counts().deleted, "the article withdrawn before the first run");
            assertEquals(5, first.counts().added);

            TreeMap<String, String> records = fixture.sourceRecords("doaj");
            assertEquals(5, records.size(), records.toString());
            assertAccountedFor(records, first);
            assertFalse(records.containsKey(RecordIds.sourceRecordId("doaj", WITHDRAWN_BEFORE)));

            StoredRecord full = sourceRecord("doaj", WITH_DOI_AND_FULL_TEXT);
            Document doc = XmlDocuments.parse(full.xml().getBytes(StandardCharsets.UTF_8));
            assertArticle("doaj", "oai_doaj-to-cashl", full, doc);
            assertEquals("10.15179/ces.21.1.1", CASHL.value(doc, "/c:record/c:identifiers/c:doi"));
            assertEquals(
                    "https://hrcak.srce.hr/file/321001",
                    CASHL.value(doc, "/c:record/c:holding[@access='openAccess']/c:url"),
                    "at the full text");
            assertEquals("Croatian Economic Survey", CASHL.value(doc, "/c:record/c:isPartOf/c:title"));
            assertEquals("1330-4860", CASHL.value(doc, "/c:record/c:isPartOf/c:issn"));
            assertEquals("1846-3878", CASHL.value(doc, "/c:record/c:isPartOf/c:eissn"));
            assertEquals("21", CASHL.value(doc, "/c:record/c:isPartOf/c:volume"));
            assertEquals("1-34", CASHL.value(doc, "/c:record/c:isPartOf/c:pages"));
            assertEquals(List.of("Ana Horvat", "Marko Kovač"), CASHL.values(doc, "/c:record/c:contributor/c:name"));
            assertEquals(
                    List.of("0000-0002-1825-0097"),
                    CASHL.values(doc, "/c:record/c:contributor/c:orcid"),
                    "the iD whose check character fails (DOAJ's documentation's made-up one) is left out");
            assertEquals(
                    "University of Zagreb, Faculty of Economics and Business, Zagreb, Croatia",
                    CASHL.value(doc, "/c:record/c:contributor[2]/c:affiliation"));
            assertEquals(WITH_DOI_AND_FULL_TEXT, CASHL.value(doc, "/c:record/c:provenance/@sourceIdentifier"));
            assertEquals("", CASHL.value(doc, "/c:record/c:licence"), "DOAJ gives no licence per article");

            Document doiOnly =
                    XmlDocuments.parse(sourceRecord("doaj", WITH_DOI_ONLY).xml().getBytes(StandardCharsets.UTF_8));
            assertEquals(
                    "10.15179/ces.21.1.2",
                    CASHL.value(doiOnly, "/c:record/c:identifiers/c:doi").toLowerCase(),
                    "without its resolver");
            assertEquals(
                    CASHL.values(doc, "/c:record/c:contributor/*"),
                    CASHL.values(doiOnly, "/c:record/c:contributor/*"),
                    "authors prefixed or not");
            assertEquals(
                    "https://doi.org/" + CASHL.value(doiOnly, "/c:record/c:identifiers/c:doi"),
                    CASHL.value(doiOnly, "/c:record/c:holding[@access='openAccess']/c:url"),
                    "no full text: at its DOI");

            Document noDoi = XmlDocuments.parse(
                    sourceRecord("doaj", WITH_FULL_TEXT_ONLY).xml().getBytes(StandardCharsets.UTF_8));
            assertEquals("", CASHL.value(noDoi, "/c:record/c:identifiers/c:doi"));
            assertEquals(
                    "https://hrcak.srce.hr/file/321003",
                    CASHL.value(noDoi, "/c:record/c:holding[@access='openAccess']/c:url"));

            for (String id : records.keySet()) {
                StoredRecord record =
                        fixture.catalog.get(StoreCollection.SOURCE, id).orElseThrow();
                assertArticle(
                        "doaj",
                        "oai_doaj-to-cashl",
                        record,
                        XmlDocuments.parse(record.xml().getBytes(StandardCharsets.UTF_8)));
                assertMaster(id, true);
            }
            assertEquals(5, fixture.mastersOf("doaj"));

            // One article changed, one withdrawn: the next run asks from the watermark and applies both.
            feed.change(
                    TO_BE_CHANGED,
                    doaj(
                            "Tourism and the seasonality of employment on the Adriatic coast",
                            "10.15179/ces.21.2.1",
                            "https://hrcak.srce.hr/file/321004",
                            "21",
                            "2",
                            "1-28",
                            "Seasonal jobs on the coast."));
            feed.withdraw(TO_BE_WITHDRAWN);
            RunRecord second = harvester.harvest("doaj", false, "test");
            assertEquals(RunOutcome.COMPLETE, second.outcome(), second.reason());
            assertEquals(first.watermarkAfter(), second.watermarkBefore());
            String from = Granularity.SECOND.format(
                    Instant.parse(first.watermarkAfter()).minusSeconds(60));
            List<String> lists = server.listQueries();
            assertTrue(lists.get(lists.size() - 1).contains("from=" + from.replace(":", "%3A")), lists.toString());
            assertEquals(2, second.counts().records(), second.counts().toString());
            assertEquals(1, second.counts().changed, second.counts().toString());
            assertEquals(1, second.counts().deleted, second.counts().toString());

            String withdrawn = RecordIds.sourceRecordId("doaj", TO_BE_WITHDRAWN);
            assertFalse(fixture.sourceRecords("doaj").containsKey(withdrawn), "the source record is gone");
            assertMaster(withdrawn, false);
            assertEquals(4, fixture.mastersOf("doaj"));
            assertTrue(
                    sourceRecord("doaj", TO_BE_CHANGED).xml().contains("on the Adriatic coast"), "the changed article");
        }
    }

    // ---------------------------------------------------------------- shared checks

    private StoredRecord sourceRecord(String source, String oaiIdentifier) {
        String id = RecordIds.sourceRecordId(source, oaiIdentifier);
        return fixture.catalog
                .get(StoreCollection.SOURCE, id)
                .orElseThrow(() -> new AssertionError("no source record " + id));
    }

    /**
     * Every record received is counted as exactly one of accepted, filtered, quarantined or deleted,
     * and a record not accepted says why.
     */
    private void assertAccountedFor(TreeMap<String, String> records, RunRecord run) {
        long accepted = records.values().stream().filter("accepted"::equals).count();
        assertEquals(run.counts().accepted, accepted, run.counts().toString());
        for (String id : records.keySet()) {
            StoredRecord record =
                    fixture.catalog.get(StoreCollection.SOURCE, id).orElseThrow();
            if (!"accepted".equals(record.status())) {
                String why = "filtered".equals(record.status())
                        ? SourceField.RULE.of(record)
                        : SourceField.REASON.of(record);
                assertNotNull(why, id + " is " + record.status() + " without a reason");
            }
        }
    }

    /** A source record crosswalked by the crosswalk of its format into an article of schema 1.2. */
    private static void assertArticle(String source, String crosswalk, StoredRecord record, Document doc) {
        String version = SourceField.CROSSWALK.of(record);
        assertNotNull(version, record.id());
        assertTrue(version.matches(crosswalk + "@\\d+"), record.id() + ": " + version);
        assertEquals(version, CASHL.value(doc, "/c:record/c:provenance/@crosswalk"), record.id());
        assertEquals(source, CASHL.value(doc, "/c:record/c:provenance/@source"), record.id());
        assertEquals("article", CASHL.value(doc, "/c:record/@type"), record.id());
        assertEquals("1.2", CASHL.value(doc, "/c:record/@schemaVersion"), record.id());
        assertEquals(
                "electronic",
                CASHL.value(doc, "/c:record/c:holding[@library='" + source + "'][@access='openAccess']/@form"),
                record.id() + ": open access");
    }

    /** The master record with this id: live and an article in OAI set type:article, or deleted. */
    private void assertMaster(String id, boolean live) {
        StoredRecord master = fixture.catalog
                .get(StoreCollection.CATALOG, id)
                .orElseThrow(() -> new AssertionError("no master record " + id));
        assertEquals(!live, master.deleted(), id);
        if (live) {
            assertTrue(master.sets().contains("type:article"), id + ": " + master.sets());
            assertTrue(master.sets().contains("access:openAccess"), id + ": " + master.sets());
        }
    }
}
