package cn.edu.cashl.hub.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.edu.cashl.hub.catalog.SourceField;
import cn.edu.cashl.hub.catalog.StoreCollection;
import cn.edu.cashl.hub.catalog.StoredRecord;
import cn.edu.cashl.hub.ingest.hss.HssRules;
import cn.edu.cashl.hub.ingest.read.InputFormat;
import cn.edu.cashl.hub.ingest.read.RecordReader;
import cn.edu.cashl.hub.ingest.read.RecordReaders;
import cn.edu.cashl.hub.source.Source;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The pipeline's decisions and what each leaves in the source and catalog collections. */
class IngestPipelineTest extends PipelineTestBase {

    /** A MARCXML book; {@code lcc} null for no class, {@code title} null for no title at all. */
    static String marc(String id, String title, String lcc) {
        return "<record xmlns=\"http://www.loc.gov/MARC21/slim\"><leader>00000cam a2200000 a 4500</leader>"
                + "<controlfield tag=\"001\">" + id + "</controlfield>"
                + "<controlfield tag=\"008\">200101s2003    enk           000 1 eng d</controlfield>"
                + (lcc == null
                        ? ""
                        : "<datafield tag=\"050\" ind1=\"0\" ind2=\"0\"><subfield code=\"a\">" + lcc
                                + "</subfield></datafield>")
                + (title == null
                        ? ""
                        : "<datafield tag=\"245\" ind1=\"1\" ind2=\"0\"><subfield code=\"a\">" + title
                                + " /</subfield></datafield>")
                + "</record>";
    }

    static String collection(String... records) {
        return "<collection xmlns=\"http://www.loc.gov/MARC21/slim\">" + String.join("", records) + "</collection>";
    }

    private IngestSummary run(IngestPipeline pipeline, Source source, String content) throws IOException {
        try (RecordReader reader = RecordReaders.open(
                new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)), "test.xml", InputFormat.AUTO)) {
            IngestSummary summary = pipeline.run(source, reader, s -> {});
            pipeline.commit(summary);
            return summary;
        }
    }

    private static Source source() {
        return PipelineFixture.fileSource("s" + UUID.randomUUID().toString().substring(0, 8));
    }

    private StoredRecord get(StoreCollection collection, String id) {
        return fixture.store.get(collection, id).orElseThrow(() -> new AssertionError(id + " not in " + collection));
    }

    @Test
    void eachRecordLandsWhereItsFateSays() throws IOException {
        Source source = source();
        IngestSummary summary = run(
                fixture.pipeline(),
                source,
                collection(
                        marc("h1", "A history of Rome", "DG209"),
                        marc("s1", "Quantum field theory", "QC174.45"),
                        marc("q1", null, null)));

        assertEquals(3, summary.read());
        assertEquals(1, summary.accepted());
        assertEquals(1, summary.filtered());
        assertEquals(1, summary.quarantined());

        StoredRecord accepted = get(StoreCollection.SOURCE, source.id() + ":h1");
        assertEquals("accepted", accepted.status());
        assertEquals(List.of("lcc:D"), SourceField.RULE.valuesOf(accepted));
        assertTrue(accepted.raw().contains("DG209"), "raw record kept");
        assertTrue(accepted.xml().contains("<discipline rule=\"lcc:D\">hss</discipline>"), accepted.xml());
        StoredRecord master = get(StoreCollection.CATALOG, source.id() + ":h1");
        assertEquals(Set.of("library:" + source.id(), "type:book"), master.sets());
        assertFalse(master.deleted());

        StoredRecord filtered = get(StoreCollection.SOURCE, source.id() + ":s1");
        assertEquals("filtered", filtered.status());
        assertEquals(List.of("lcc:Q"), SourceField.RULE.valuesOf(filtered));
        assertTrue(
                fixture.store.get(StoreCollection.CATALOG, source.id() + ":s1").isEmpty(),
                "filtered records stay out of the catalogue");

        StoredRecord quarantined = get(StoreCollection.SOURCE, source.id() + ":q1");
        assertEquals("quarantined", quarantined.status());
        assertTrue(
                SourceField.REASON.valuesOf(quarantined).get(0).contains("title"),
                quarantined.fields().toString());
        assertTrue(quarantined.raw().contains("q1"), "the raw record is kept for a retry");
    }

    @Test
    void recordThatLeavesTheCatalogueLeavesADeletedMasterInItsSets() throws IOException {
        Source source = source();
        run(fixture.pipeline(), source, collection(marc("x1", "Economic history of China", "HC427")));
        assertFalse(get(StoreCollection.CATALOG, source.id() + ":x1").deleted());

        run(fixture.pipeline(), source, collection(marc("x1", "Economic physics", "QC1")));
        StoredRecord master = get(StoreCollection.CATALOG, source.id() + ":x1");
        assertTrue(master.deleted());
        assertEquals(
                Set.of("library:" + source.id(), "type:book"), master.sets(), "the deletion is visible in each set");
        assertEquals(
                "filtered", get(StoreCollection.SOURCE, source.id() + ":x1").status());
    }

    @Test
    void oaiDeletedHeaderRemovesTheSourceRecordAndDeletesTheMaster() throws IOException {
        Source source = source();
        String oai = "<OAI-PMH xmlns=\"http://www.openarchives.org/OAI/2.0/\"><ListRecords>"
                + "<record><header><identifier>oai:x:1</identifier><datestamp>2024-01-01</datestamp></header>"
                + "<metadata>" + marc("1", "Sociology of religion", "BL60") + "</metadata></record>"
                + "</ListRecords></OAI-PMH>";
        run(fixture.pipeline(), source, oai);
        String id = source.id() + ":oai:x:1";
        assertEquals(List.of("oai:x:1"), SourceField.OAI_ID.valuesOf(get(StoreCollection.SOURCE, id)));

        String deleted = "<OAI-PMH xmlns=\"http://www.openarchives.org/OAI/2.0/\"><ListRecords>"
                + "<record><header status=\"deleted\"><identifier>oai:x:1</identifier><datestamp>2024-02-01</datestamp></header></record>"
                + "</ListRecords></OAI-PMH>";
        IngestSummary summary = run(fixture.pipeline(), source, deleted);
        assertEquals(1, summary.deleted());
        assertTrue(fixture.store.get(StoreCollection.SOURCE, id).isEmpty());
        assertTrue(get(StoreCollection.CATALOG, id).deleted());
    }

    @Test
    void recrosswalkAppliesNewRulesToStoredRawRecordsAndKeepsReceiptTime() throws IOException {
        Source source = source();
        run(fixture.pipeline(), source, collection(marc("p1", "Physics and philosophy", "QC6")));
        StoredRecord before = get(StoreCollection.SOURCE, source.id() + ":p1");
        assertEquals("filtered", before.status());

        HssRules physicsIsHumanities =
                new HssRules("hss", Map.of("lcc", new HssRules.Sides(List.of("Q"), List.of())), null);
        IngestSummary summary;
        try (StoredSourceReader reader = new StoredSourceReader(fixture.store, source.id())) {
            IngestPipeline pipeline = fixture.pipeline(physicsIsHumanities);
            summary = pipeline.run(source, reader, s -> {});
            pipeline.commit(summary);
        }
        assertEquals(1, summary.read());
        assertEquals(1, summary.accepted());
        StoredRecord after = get(StoreCollection.SOURCE, source.id() + ":p1");
        assertEquals("accepted", after.status());
        assertEquals(before.raw(), after.raw(), "raw record untouched");
        assertEquals(before.datestamp(), after.datestamp(), "receipt time kept");
        assertTrue(
                after.xml().contains("harvestedAt=\"" + before.datestamp().truncatedTo(ChronoUnit.SECONDS) + "\""),
                after.xml());
        assertFalse(get(StoreCollection.CATALOG, source.id() + ":p1").deleted());
    }
}
