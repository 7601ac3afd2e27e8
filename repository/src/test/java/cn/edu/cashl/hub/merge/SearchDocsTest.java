package cn.edu.cashl.hub.merge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.edu.cashl.hub.catalog.SearchFields;
import cn.edu.cashl.hub.catalog.StoredRecord;
import cn.edu.cashl.hub.schema.CashlRecords;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The search fields of articles and of the journals they are in. */
class SearchDocsTest {

    private static StoredRecord fields(String xml) throws Exception {
        StoredRecord.Builder doc = StoredRecord.builder("m1", Instant.parse("2026-01-01T00:00:00Z"));
        SearchDocs.addTo(doc, CashlRecords.get().read(xml));
        return doc.build();
    }

    private static String article(String identifiers, String host) {
        return "<record xmlns=\"https://ns.cashl.edu.cn/record/v1\" id=\"x:a1\" type=\"article\" schemaVersion=\"1.2\">"
                + "<identifiers>" + identifiers + "</identifiers>"
                + "<title><main>Rural markets in late imperial China</main></title>"
                + "<contributor kind=\"person\" role=\"aut\"><name>Wang, Yeh-chien</name>"
                + "<orcid>0000-0002-1825-0097</orcid><affiliation>Harvard University</affiliation></contributor>"
                + "<publication><year>2001</year></publication>"
                + host
                + "<language>eng</language>"
                + "<subject scheme=\"keyword\">grain prices</subject>"
                + "<discipline>hss</discipline>"
                + "<description language=\"eng\">Jiangnan markets were integrated.</description>"
                + "<licence>https://creativecommons.org/licenses/by/4.0/</licence>"
                + "</record>";
    }

    @Test
    void anArticleHasItsDoiJournalVolumeIssueAndJournalRecord() throws Exception {
        StoredRecord doc = fields(article(
                "<doi>https://doi.org/10.1177/0097700401027002001X</doi><local source=\"x\">a1</local>",
                "<isPartOf record=\" m-modern-china \"><title>Modern China.</title><issn>00977004</issn>"
                        + "<eissn>1552-6836</eissn><issnL>0097-7004</issnL>"
                        + "<volume> 27 </volume><issue>Suppl 2</issue><pages>141-178</pages></isPartOf>"));

        assertEquals(List.of("10.1177/0097700401027002001x"), doc.values(SearchFields.DOI));
        assertEquals(
                List.of("10.1177/0097700401027002001x", "a1"),
                doc.values(SearchFields.IDENTIFIER),
                "dc.identifier finds the DOI in the same form");
        assertEquals(List.of(), doc.values(SearchFields.ISSN), "the journal's ISSNs are not the article's own");
        assertEquals(List.of("0097-7004", "1552-6836"), doc.values(SearchFields.HOST_ISSN), "ISSN-L deduplicated");
        assertEquals(List.of("Modern China"), doc.values(SearchFields.JOURNAL_TEXT));
        assertEquals(List.of("modern china"), doc.values(SearchFields.JOURNAL_KEY));
        assertEquals(List.of("Modern China"), doc.values(SearchFields.JOURNAL_FACET));
        assertEquals(List.of("27"), doc.values(SearchFields.VOLUME));
        assertEquals(List.of("suppl 2"), doc.values(SearchFields.ISSUE));
        assertEquals(List.of("m-modern-china"), doc.values(SearchFields.HOST_RECORD));
        assertEquals(List.of("Modern China"), doc.values(SearchFields.SERIES_TEXT), "cashl.series as before");
    }

    @Test
    void theAbstractAndKeywordsAreAmongTheWordsServerChoiceSearches() throws Exception {
        StoredRecord doc = fields(article("<doi>10.1/x</doi>", ""));
        assertEquals(List.of("grain prices"), doc.values(SearchFields.SUBJECT_TEXT));
        assertEquals(List.of("Jiangnan markets were integrated"), doc.values(SearchFields.ANY_TEXT));
    }

    @Test
    void anArticleWithoutAHostHasNoJournalFields() throws Exception {
        StoredRecord doc = fields(article("<doi>doi:10.1/ABC</doi>", ""));
        assertEquals(List.of("10.1/abc"), doc.values(SearchFields.DOI));
        for (String field : List.of(
                SearchFields.HOST_ISSN,
                SearchFields.JOURNAL_TEXT,
                SearchFields.JOURNAL_KEY,
                SearchFields.JOURNAL_FACET,
                SearchFields.VOLUME,
                SearchFields.ISSUE,
                SearchFields.HOST_RECORD)) {
            assertEquals(List.of(), doc.values(field), field);
        }
    }

    @Test
    void aJournalHasItsOwnIssnsAndNoJournalFields() throws Exception {
        StoredRecord doc = fields("<record xmlns=\"https://ns.cashl.edu.cn/record/v1\" id=\"x:j1\" type=\"journal\">"
                + "<identifiers><issn>0097-7004</issn><issn qualifier=\"online\">1552-6836</issn></identifiers>"
                + "<title><main>Modern China</main></title>"
                + "<discipline>hss</discipline>"
                + "</record>");
        assertEquals(List.of("0097-7004", "1552-6836"), doc.values(SearchFields.ISSN));
        assertEquals(List.of(), doc.values(SearchFields.HOST_ISSN), "a journal is in no journal");
        assertEquals(List.of(), doc.values(SearchFields.DOI));
        assertEquals(List.of(), doc.values(SearchFields.JOURNAL_KEY));
    }
}
