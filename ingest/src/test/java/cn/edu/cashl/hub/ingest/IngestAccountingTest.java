package cn.edu.cashl.hub.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.edu.cashl.hub.catalog.RecordPage;
import cn.edu.cashl.hub.catalog.SourceField;
import cn.edu.cashl.hub.catalog.SourceRecordStatus;
import cn.edu.cashl.hub.catalog.SourceRecords;
import cn.edu.cashl.hub.catalog.StoreCollection;
import cn.edu.cashl.hub.catalog.StoredRecord;
import cn.edu.cashl.hub.ingest.read.InputFormat;
import cn.edu.cashl.hub.ingest.read.RecordReader;
import cn.edu.cashl.hub.ingest.read.RecordReaders;
import cn.edu.cashl.hub.testkit.TestData;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every record of the shared corpus (all of marc/, malformed/ included, and every captured OAI-PMH
 * response) goes through the whole pipeline into the catalogue store. Each file must account for
 * every record it yields: read = accepted + filtered + quarantined + deleted, with no exception, and
 * every quarantined record stored with its reason. The accounting is the pipeline's, so the store is
 * the in-memory one, whose schema checks still refuse what Solr would (an oversized term, an
 * undeclared field); {@link DeduplicationEvaluationTest} runs the pipeline on Solr.
 */
class IngestAccountingTest extends PipelineTestBase {

    static List<Path> corpus() throws IOException {
        List<Path> files = new ArrayList<>();
        for (String dir : List.of("marc", "oai")) {
            try (Stream<Path> walk = Files.walk(TestData.file(dir))) {
                walk.filter(Files::isRegularFile)
                        .filter(f -> !f.getFileName()
                                .toString()
                                .matches("(?i).*\\.(txt|md|json|yml|yaml)$|README.*|LICENSE.*"))
                        .sorted()
                        .forEach(files::add);
            }
        }
        return files;
    }

    @Test
    void everyRecordOfTheCorpusIsAccountedFor() throws IOException {
        IngestPipeline pipeline = fixture.pipeline();
        IngestSummary total = new IngestSummary();
        Map<String, Long> reasons = new TreeMap<>();
        List<Path> files = corpus();
        Map<String, Path> quarantinedBySource = new TreeMap<>();
        int n = 0;
        for (Path file : files) {
            String source = "f" + (++n);
            IngestSummary summary;
            try (RecordReader reader = RecordReaders.open(file, InputFormat.AUTO)) {
                summary = pipeline.run(PipelineFixture.fileSource(source), reader, s -> {});
            }
            assertEquals(
                    summary.read(),
                    summary.accepted() + summary.filtered() + summary.quarantined() + summary.deleted(),
                    () -> file + " does not account for every record");
            long expected = expectedRecords(file);
            assertTrue(
                    expected < 0 ? summary.read() > 0 : summary.read() == expected,
                    () -> file + ": " + summary.read() + " records read, the file holds " + expected);
            if (summary.quarantined() > 0) {
                quarantinedBySource.put(source, file);
            }
            total.add(summary);
            summary.quarantineReasons().forEach((k, v) -> reasons.merge(k, v, Long::sum));
        }
        pipeline.commit(total);
        quarantinedBySource.forEach(this::assertQuarantineHasReasons);
        System.out.printf(
                "corpus: %d files, read %d, accepted %d, filtered %d, quarantined %d, deleted %d%n",
                files.size(), total.read(), total.accepted(), total.filtered(), total.quarantined(), total.deleted());
        reasons.forEach((k, v) -> System.out.printf("  quarantined %5d: %s%n", v, k));
        assertTrue(total.read() > 13_000, "the whole corpus was read: " + total.read());
        assertTrue(total.accepted() > total.read() / 2, "most records are accepted: " + total.accepted());
    }

    /**
     * For an OAI-PMH response, its records and lone headers (ListIdentifiers), counted independently
     * of the reader; -1 for other files (at least one record expected).
     */
    static long expectedRecords(Path file) throws IOException {
        String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        if (!text.contains("http://www.openarchives.org/OAI/2.0/") || !text.contains("OAI-PMH")) {
            return -1;
        }
        javax.xml.stream.XMLStreamReader xml;
        long records = 0;
        long headers = 0;
        try {
            xml = cn.edu.cashl.hub.xml.SecureXml.newInputFactory().createXMLStreamReader(new StringReader(text));
            int depthInRecord = 0;
            while (xml.hasNext()) {
                int event = xml.next();
                boolean oai = event == javax.xml.stream.XMLStreamConstants.START_ELEMENT
                        && oaiNamespace(xml.getNamespaceURI());
                if (oai && xml.getLocalName().equals("record")) {
                    records++;
                    depthInRecord = 1;
                } else if (oai && xml.getLocalName().equals("header") && depthInRecord == 0) {
                    headers++;
                } else if (event == javax.xml.stream.XMLStreamConstants.END_ELEMENT
                        && oaiNamespace(xml.getNamespaceURI())
                        && xml.getLocalName().equals("record")) {
                    depthInRecord = 0;
                }
            }
        } catch (javax.xml.stream.XMLStreamException e) {
            return -1; // not well-formed: the reader reports it as one quarantined remainder
        }
        return records + headers;
    }

    /** The OAI-PMH namespace, or none: one captured provider leaves it out. */
    private static boolean oaiNamespace(String namespace) {
        return namespace == null || namespace.isEmpty() || "http://www.openarchives.org/OAI/2.0/".equals(namespace);
    }

    private void assertQuarantineHasReasons(String source, Path file) {
        RecordPage page = fixture.store.list(
                StoreCollection.SOURCE, SourceRecords.of(source, SourceRecordStatus.QUARANTINED), "*", 50);
        assertTrue(page.total() > 0, () -> file + ": quarantined records were not stored");
        for (StoredRecord record : page.records()) {
            List<String> reason = SourceField.REASON.valuesOf(record);
            assertTrue(reason != null && !reason.get(0).isBlank(), () -> record.id() + " has no reason");
        }
    }
}
