package cn.edu.cashl.hub.harvest.onboarding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.edu.cashl.hub.harvest.HarvestFixture;
import cn.edu.cashl.hub.harvest.HarvestSettings;
import cn.edu.cashl.hub.harvest.crossref.CrossrefTestServer;
import cn.edu.cashl.hub.harvest.oai.OaiResponse;
import cn.edu.cashl.hub.harvest.oai.OaiResponseParser;
import cn.edu.cashl.hub.ingest.read.RecordFormat;
import cn.edu.cashl.hub.source.JournalListFiles;
import cn.edu.cashl.hub.source.Source;
import cn.edu.cashl.hub.testkit.oai.GeneratedFeed;
import cn.edu.cashl.hub.testkit.oai.OaiTestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The check a new or edited source passes before it is saved, against a real OAI-PMH server and export directory. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OnboardingCheckTest {

    private OaiTestServer server;
    private OnboardingCheck check;
    private Path dir;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        this.dir = dir;
        server = OaiTestServer.start(
                new GeneratedFeed(20, 10, false, Instant.now().minus(1, ChronoUnit.DAYS)));
        HarvestFixture.crosswalks().replace("onboarding-broken", 1, HarvestFixture.brokenCrosswalk());
        check = new OnboardingCheck(
                HarvestFixture.crosswalks(), HarvestSettings.DEFAULTS, dir, JournalListFiles.inConfig(dir));
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static Source oai(String url, String prefix, String crosswalk) {
        return Source.oaiPmh("new", url, prefix)
                .withNames("New member", null)
                .withCrosswalk(crosswalk)
                .withSchedule("0 0 2 * * ?");
    }

    private static List<String> names(OnboardingReport report) {
        return report.steps().stream().map(OnboardingReport.Step::name).toList();
    }

    @Test
    void aRepositoryWithGoodRecordsPasses() {
        OnboardingReport report = check.check(oai(server.baseUrl(), "marc21", null), 5);
        assertTrue(report.ok(), report.toString());
        assertEquals(List.of("identify", "formats", "sample"), names(report));
        assertTrue(
                report.step("identify").orElseThrow().message().contains("Generated test repository"),
                report.toString());
        assertTrue(report.step("identify").orElseThrow().message().contains("YYYY-MM-DDThh:mm:ssZ"));
        assertEquals(5, report.samples().size());
        for (OnboardingReport.Sample sample : report.samples()) {
            assertTrue(sample.ok(), sample.toString());
            assertTrue(sample.identifier().startsWith("oai:test.example.edu.cn:"), sample.identifier());
            assertTrue(sample.output().contains("https://ns.cashl.edu.cn/record/v1")
                    && sample.output().contains("marc21-to-cashl@1"));
        }
        assertTrue(report.step("sample").orElseThrow().message().startsWith("5 of 5"), report.toString());
    }

    @Test
    void aWrongUrlFailsAtIdentifyAndSaysWhy() {
        Instant start = Instant.now();
        OnboardingReport notFound = check.check(oai(server.baseUrl().replace("/oai", "/elsewhere"), "marc21", null), 5);
        assertFalse(notFound.ok());
        assertEquals(List.of("identify"), names(notFound));
        assertTrue(notFound.steps().get(0).message().contains("HTTP 404"), notFound.toString());

        OnboardingReport refused = check.check(oai("http://127.0.0.1:9/oai", "marc21", null), 5);
        assertFalse(refused.ok());
        assertFalse(refused.steps().get(0).ok());
        assertTrue(refused.steps().get(0).message().contains("127.0.0.1:9"), refused.toString());

        OnboardingReport notUrl = check.check(oai("ftp://example.edu.cn/oai", "marc21", null), 5);
        assertFalse(notUrl.ok());
        assertTrue(notUrl.steps().get(0).message().contains("not an http or https address"), notUrl.toString());
        assertTrue(Duration.between(start, Instant.now()).toSeconds() < 30, "answered quickly");
    }

    @Test
    void aMetadataPrefixTheRepositoryDoesNotOfferFailsTheFormatsStep() {
        OnboardingReport report = check.check(oai(server.baseUrl(), "oai_dc", null), 5);
        assertFalse(report.ok());
        assertTrue(report.step("identify").orElseThrow().ok());
        OnboardingReport.Step formats = report.step("formats").orElseThrow();
        assertFalse(formats.ok());
        assertTrue(formats.message().contains("does not offer metadataPrefix 'oai_dc'"), formats.message());
        assertFalse(report.step("sample").orElseThrow().ok());
    }

    @Test
    void recordsThatDoNotValidateFailTheSampleStepRecordByRecord() {
        OnboardingReport report = check.check(oai(server.baseUrl(), "marc21", "onboarding-broken"), 3);
        assertFalse(report.ok());
        assertTrue(report.step("formats").orElseThrow().ok());
        OnboardingReport.Step sample = report.step("sample").orElseThrow();
        assertFalse(sample.ok());
        assertTrue(sample.message().startsWith("3 of 3 sample records"), sample.message());
        assertEquals(3, report.samples().size());
        for (OnboardingReport.Sample record : report.samples()) {
            assertFalse(record.ok());
            assertTrue(
                    record.message().contains("onboarding-broken@1 produced an invalid CASHL record"),
                    record.message());
            assertNull(record.output());
        }
    }

    @Test
    void aCalisExportDirectoryIsCheckedForExportFilesAndASample() throws Exception {
        Path export = Files.createDirectories(dir.resolve("calis-export"));
        Source calis = Source.calisExport("calis", "calis-export", "marcxml")
                .withNames("CALIS", null)
                .withHoldingsField("949");
        OnboardingReport empty = check.check(calis, 5);
        assertFalse(empty.ok());
        assertTrue(empty.steps().get(0).message().startsWith("no export files"), empty.toString());

        Files.writeString(export.resolve("cashl-full-20260101.xml"), marcCollection(3));
        OnboardingReport report = check.check(calis, 2);
        assertTrue(report.ok(), report.toString());
        assertEquals(List.of("location", "sample"), names(report));
        assertEquals(2, report.samples().size());

        OnboardingReport missing = check.check(Source.calisExport("calis", "nowhere", "marcxml"), 5);
        assertFalse(missing.ok());
        assertTrue(missing.steps().get(0).message().startsWith("cannot list the export location"), missing.toString());
    }

    @Test
    void aCrossrefSourceIsCheckedAgainstTheApiWithItsJournalListAndSampled() throws Exception {
        CrossrefTestServer.writeJournalList(dir, "onboarding-journals");
        String mailto = "metadata@cashl.edu.cn";
        try (CrossrefTestServer crossref = CrossrefTestServer.start(CrossrefTestServer.sharedWorks(), mailto)) {
            OnboardingReport report =
                    check.check(Source.crossref("crossref", crossref.url(), "onboarding-journals", mailto), 20);
            assertTrue(report.ok(), report.toString());
            assertEquals(List.of("location", "sample"), names(report));
            String location = report.step("location").orElseThrow().message();
            assertTrue(
                    location.contains("answers: 3 works of the first 50 of the 54 ISSNs of journal list "
                            + "onboarding-journals (2 queries in all)"),
                    location);
            assertEquals(3, report.samples().size(), "the works of the first query's first page");
            for (OnboardingReport.Sample sample : report.samples()) {
                assertTrue(sample.ok(), sample.toString());
                assertTrue(sample.output().contains("crossref-to-cashl"), sample.output());
            }
            assertEquals(1, crossref.requests().size());
            assertEquals(5, crossref.requests().get(0).rows(), "a small page");
            assertEquals(List.of(), crossref.problems());

            OnboardingReport unknown = check.check(Source.crossref("crossref", crossref.url(), "nowhere", mailto), 5);
            assertFalse(unknown.ok());
            assertEquals(List.of("location"), names(unknown));
            assertTrue(
                    unknown.steps().get(0).message().contains("'nowhere', which does not exist"), unknown.toString());

            crossref.refuse("Filter issn specified but value 0000-0000 is not a valid ISSN");
            OnboardingReport refused =
                    check.check(Source.crossref("crossref", crossref.url(), "onboarding-journals", mailto), 5);
            assertFalse(refused.ok());
            assertTrue(
                    refused.steps()
                            .get(0)
                            .message()
                            .endsWith("validation-failure: Filter issn specified but value"
                                    + " 0000-0000 is not a valid ISSN"),
                    refused.toString());

            OnboardingReport noList = check.check(Source.crossref("crossref", crossref.url(), null, mailto), 5);
            assertFalse(noList.ok());
            assertTrue(noList.steps().get(0).message().contains("needs journals"), noList.toString());
        }
    }

    @Test
    void aFileSourceHasNothingToReach() {
        OnboardingReport report = check.check(Source.file("upload", null), 5);
        assertTrue(report.ok());
        assertEquals(List.of("location"), names(report));
        OnboardingReport invalid = check.check(Source.file("Bad Id", null), 5);
        assertFalse(invalid.ok());
    }

    @Test
    void listMetadataFormatsAndTheProtocolVersionAreRead() throws Exception {
        String formats = """
                <OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/"><responseDate>2026-01-01T00:00:00Z</responseDate>
                <request verb="ListMetadataFormats">http://x/oai</request><ListMetadataFormats>
                <metadataFormat><metadataPrefix>oai_dc</metadataPrefix><schema>http://www.openarchives.org/OAI/2.0/oai_dc.xsd</schema>
                <metadataNamespace>http://www.openarchives.org/OAI/2.0/oai_dc/</metadataNamespace></metadataFormat>
                <metadataFormat><metadataPrefix> marc21 </metadataPrefix><schema>http://www.loc.gov/standards/marcxml/schema/MARC21slim.xsd</schema>
                <metadataNamespace>http://www.loc.gov/MARC21/slim</metadataNamespace></metadataFormat>
                </ListMetadataFormats></OAI-PMH>""";
        OaiResponse response =
                new OaiResponseParser(RecordFormat.MARC21).parse(formats, List.of(), "ListMetadataFormats");
        assertEquals(List.of("oai_dc", "marc21"), response.metadataPrefixes());
        String identify = """
                <OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/"><responseDate>2026-01-01T00:00:00Z</responseDate>
                <Identify><repositoryName>R</repositoryName><baseURL>http://x/oai</baseURL><protocolVersion>2.0</protocolVersion>
                <adminEmail>a@x</adminEmail><earliestDatestamp>2000-01-01</earliestDatestamp><deletedRecord>no</deletedRecord>
                <granularity>YYYY-MM-DD</granularity></Identify></OAI-PMH>""";
        var parsed = new OaiResponseParser(RecordFormat.MARC21)
                .parse(identify, List.of(), "Identify")
                .identify();
        assertEquals("2.0", parsed.protocolVersion());
        assertEquals("YYYY-MM-DD", parsed.granularityDeclared());
        assertEquals(
                List.of(),
                new OaiResponseParser(RecordFormat.MARC21)
                        .parse(identify, List.of(), "Identify")
                        .metadataPrefixes());
    }

    /** A MARCXML collection of HSS books, as an export file holds them. */
    private static String marcCollection(int records) {
        StringBuilder xml = new StringBuilder(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<collection xmlns=\"http://www.loc.gov/MARC21/slim\">");
        for (int i = 1; i <= records; i++) {
            xml.append("<record><leader>00000nam a2200000 a 4500</leader>")
                    .append("<controlfield tag=\"001\">calis")
                    .append(i)
                    .append("</controlfield>")
                    .append("<controlfield tag=\"008\">200101s2020    xx            000 0 eng d</controlfield>")
                    .append("<datafield tag=\"050\" ind1=\" \" ind2=\" \"><subfield code=\"a\">DS")
                    .append(700 + i)
                    .append("</subfield></datafield>")
                    .append("<datafield tag=\"245\" ind1=\"0\" ind2=\"0\"><subfield code=\"a\">Rural China, part ")
                    .append(i)
                    .append("</subfield></datafield>")
                    .append(
                            "<datafield tag=\"949\" ind1=\" \" ind2=\" \"><subfield code=\"a\">pku</subfield></datafield></record>");
        }
        return xml.append("</collection>").toString();
    }
}
