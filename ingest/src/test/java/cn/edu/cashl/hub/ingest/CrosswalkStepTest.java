package cn.edu.cashl.hub.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.edu.cashl.hub.crosswalk.Crosswalk;
import cn.edu.cashl.hub.crosswalk.CrosswalkEngine;
import cn.edu.cashl.hub.crosswalk.Crosswalks;
import cn.edu.cashl.hub.ingest.read.InputFormat;
import cn.edu.cashl.hub.ingest.read.RawRecord;
import cn.edu.cashl.hub.ingest.read.RecordFormat;
import cn.edu.cashl.hub.ingest.read.RecordReader;
import cn.edu.cashl.hub.ingest.read.RecordReaders;
import cn.edu.cashl.hub.schema.CashlRecords;
import cn.edu.cashl.hub.schema.InvalidRecordException;
import cn.edu.cashl.hub.schema.v1.RecordType;
import cn.edu.cashl.hub.source.Source;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import javax.xml.transform.stream.StreamSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The crosswalk a harvested record goes through: an OAI-PMH source's records in DOAJ's and arXiv's
 * own formats reach the crosswalk of that format, and come out as valid article records.
 */
class CrosswalkStepTest {

    private static final CrosswalkStep STEP = new CrosswalkStep(PipelineFixture.CROSSWALKS);

    private static final String DOAJ =
            "<oai_doaj:doajArticle xmlns:oai_doaj=\"http://doaj.org/features/oai_doaj/1.0/\">"
                    + "<oai_doaj:journalTitle>Journal of Comparative Social Policy</oai_doaj:journalTitle>"
                    + "<oai_doaj:title>Pension reform</oai_doaj:title>"
                    + "<oai_doaj:fullTextUrl>https://jcsp.example.org/4711</oai_doaj:fullTextUrl>"
                    + "</oai_doaj:doajArticle>";
    private static final String ARXIV = "<arXiv xmlns=\"http://arxiv.org/OAI/arXiv/\"><id>1101.4388</id>"
            + "<created>2011-01-23</created><title>Reproducing kernel Banach spaces</title></arXiv>";
    private static final String ARXIV_RAW = "<arXivRaw xmlns=\"http://arxiv.org/OAI/arXivRaw/\"><id>cs/0112017</id>"
            + "<title>Digital libraries</title><authors>Mei Chen and Oriana Ruiz</authors></arXivRaw>";

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "oai_doaj, OAI_DOAJ, oai_doaj-to-cashl",
        "arXiv, ARXIV, arxiv-to-cashl",
        "arXivRaw, ARXIV, arxiv-to-cashl"
    })
    void anOaiSourcesRecordsGoThroughTheCrosswalkOfTheirFormat(
            String metadataPrefix, RecordFormat format, String crosswalk) throws IOException {
        Source source = Source.oaiPmh("articles", "http://127.0.0.1:9/oai", metadataPrefix);
        assertEquals(Optional.of(format), RecordFormat.declared(metadataPrefix));
        String metadata = switch (metadataPrefix) {
            case "oai_doaj" -> DOAJ;
            case "arXiv" -> ARXIV;
            default -> ARXIV_RAW;
        };
        RawRecord raw = readOne("<OAI-PMH xmlns=\"http://www.openarchives.org/OAI/2.0/\"><ListRecords><record><header>"
                + "<identifier>oai:example:1</identifier><datestamp>2024-05-01</datestamp></header><metadata>"
                + metadata + "</metadata></record></ListRecords></OAI-PMH>");
        assertEquals(format, raw.format());
        assertEquals(crosswalk, STEP.crosswalkFor(source, raw.format()).id());

        CrosswalkStep.Result result = STEP.apply(source, CrosswalkParams.recordId(source, raw), raw, Instant.EPOCH);
        assertNull(result.failure(), result.failure());
        assertEquals(RecordType.ARTICLE, result.record().getType());
        assertTrue(result.record().getHolding().get(0).getUrl().startsWith("https://"), result.xml());
    }

    private static RawRecord readOne(String xml) throws IOException {
        try (RecordReader reader = RecordReaders.open(
                new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), "page.xml", InputFormat.AUTO)) {
            return reader.next();
        }
    }

    @Test
    void anInvalidResultIsQuarantinedWithTheLinesOfItsText() throws Exception {
        Crosswalks crosswalks = Crosswalks.packaged(new CrosswalkEngine());
        StreamSource magazine = new StreamSource(
                new StringReader("<xsl:stylesheet version=\"3.0\" xmlns:xsl=\"http://www.w3.org/1999/XSL/Transform\">"
                        + "<xsl:output indent=\"yes\"/><xsl:template match=\"/\">"
                        + "<record xmlns=\"https://ns.cashl.edu.cn/record/v1\" id=\"x:1\" type=\"magazine\">"
                        + "<identifiers/><title><main>T</main></title><discipline>unknown</discipline></record>"
                        + "</xsl:template></xsl:stylesheet>"));
        magazine.setSystemId("memory:magazine.xsl");
        Crosswalk crosswalk = crosswalks.replace("marc21-to-cashl", 2, magazine);
        Source source = Source.file("files", "marc21");
        RawRecord raw =
                readOne("<record xmlns=\"http://www.loc.gov/MARC21/slim\"><leader>00000cam a2200000 a 4500</leader>"
                        + "<controlfield tag=\"001\">m1</controlfield></record>");
        String recordId = CrosswalkParams.recordId(source, raw);

        CrosswalkStep.Result result = new CrosswalkStep(crosswalks).apply(source, recordId, raw, Instant.EPOCH);
        String text = crosswalk.transform(
                raw.xml(), CrosswalkParams.of(source, recordId, raw, Instant.EPOCH, crosswalk.ref()));
        InvalidRecordException read = assertThrows(
                InvalidRecordException.class, () -> CashlRecords.get().read(text));
        assertEquals("marc21-to-cashl@2 produced an invalid CASHL record: " + read.getMessage(), result.failure());
        assertTrue(
                result.failure().contains("line 1, column") && result.failure().contains("magazine"), result.failure());
    }
}
