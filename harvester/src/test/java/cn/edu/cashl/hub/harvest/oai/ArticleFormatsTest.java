package cn.edu.cashl.hub.harvest.oai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.edu.cashl.hub.ingest.read.RawRecord;
import cn.edu.cashl.hub.ingest.read.RecordFormat;
import cn.edu.cashl.hub.testkit.TestData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Harvested pages in the article formats of DOAJ (oai_doaj) and arXiv (arXiv, arXivRaw): each
 * record's metadata cut out of the page is told by its content, so that the pipeline gives it the
 * crosswalk of its format.
 */
class ArticleFormatsTest {

    private static final OaiResponseParser PARSER = new OaiResponseParser(RecordFormat.MARC21);

    @Test
    void arxivListRecordsAsHarvested() throws Exception {
        byte[] page = Files.readAllBytes(
                TestData.file("articles/invenio-oaiharvester/sample_arxiv_response_listrecords_cs.xml"));
        TextRepair.Repaired repaired = TextRepair.repair(page);
        OaiResponse response = PARSER.parse(repaired.text(), repaired.repairs(), "ListRecords");
        assertEquals(46, response.records().size());
        for (RawRecord record : response.records()) {
            assertNull(record.error(), record.position());
            assertEquals(RecordFormat.ARXIV, record.format(), record.position());
            assertTrue(record.xml().contains("http://arxiv.org/OAI/arXiv/"), record.position());
        }
        assertEquals("oai:arXiv.org:1101.4388", response.records().get(0).sourceIdentifier());
    }

    @Test
    void doajAndArxivRawRecordsOnOnePage() throws Exception {
        String page = "<OAI-PMH xmlns=\"http://www.openarchives.org/OAI/2.0/\"><ListRecords>"
                + "<record><header><identifier>oai:doaj.org/article:1</identifier><datestamp>2020-01-01T00:00:00Z"
                + "</datestamp></header><metadata><oai_doaj:doajArticle xmlns:oai_doaj=\"http://doaj.org/features/oai_doaj/1.0/\">"
                + "<oai_doaj:title>Pension reform</oai_doaj:title><authors><author><name>Ana Horvat</name></author>"
                + "</authors></oai_doaj:doajArticle></metadata></record>"
                + "<record><header><identifier>oai:arXiv.org:cs/0112017</identifier><datestamp>2002-02-06</datestamp>"
                + "</header><metadata><arXivRaw xmlns=\"http://arxiv.org/OAI/arXivRaw/\"><id>cs/0112017</id>"
                + "<title>Digital libraries</title></arXivRaw></metadata></record></ListRecords></OAI-PMH>";
        TextRepair.Repaired repaired = TextRepair.repair(page.getBytes(StandardCharsets.UTF_8));
        List<RawRecord> records =
                PARSER.parse(repaired.text(), repaired.repairs(), "page").records();
        assertEquals(
                List.of(RecordFormat.OAI_DOAJ, RecordFormat.ARXIV),
                records.stream().map(RawRecord::format).toList());
        assertTrue(
                records.get(0).xml().contains("<name>Ana Horvat</name>"),
                records.get(0).xml());
        assertEquals("oai:arXiv.org:cs/0112017", records.get(1).sourceIdentifier());
    }
}
