package cn.edu.cashl.hub.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.edu.cashl.hub.catalog.CatalogStore;
import cn.edu.cashl.hub.catalog.Projection;
import cn.edu.cashl.hub.catalog.StoreCollection;
import cn.edu.cashl.hub.catalog.StoredRecord;
import cn.edu.cashl.hub.catalog.solr.SolrSettings;
import cn.edu.cashl.hub.catalog.solr.SolrStores;
import cn.edu.cashl.hub.ingest.read.InputFormat;
import cn.edu.cashl.hub.ingest.read.RawRecord;
import cn.edu.cashl.hub.ingest.read.RecordReader;
import cn.edu.cashl.hub.ingest.read.RecordReaders;
import cn.edu.cashl.hub.merge.CatalogFields;
import cn.edu.cashl.hub.testkit.TestData;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The labelled evaluation of deduplication (docs/deduplication.md): real records from the shared
 * test data, imported file by file as separate sources through the whole pipeline, then every pair
 * of accepted records compared with the gold standard.
 *
 * <p>Gold standard, per family of files:
 * <ul>
 *   <li>Pride and Prejudice: the hand-labelled groups of {@code dedup/pride-and-prejudice-gold.tsv};
 *       the "with many errors" file is the same 383 records, record for record, with structural
 *       damage.</li>
 *   <li>Files that are one set of records in several serialisations (traject, solrmarc specTestRecs,
 *       the marc4j/xbib chabon and summerland samples): same control number (001) in the family, same
 *       record.</li>
 *   <li>Open Library: {@code <stem>_meta.mrc} and {@code <stem>_marc.xml} are two cataloguings of one
 *       scanned book.</li>
 *   <li>Everything else, the Evergreen records with known-bad ISBNs among them: different.</li>
 * </ul>
 *
 * <p>On real embedded Solr: the figures are those of the index production uses (candidates found by
 * match key in Lucene), and this is the ingest tests' run on Solr.
 */
class DeduplicationEvaluationTest extends PipelineTestBase {

    private static final String PRIDE = "marc/marc4j/pride-and-prejudice-fixed.mrc";
    private static final String PRIDE_DAMAGED = "marc/malformed/marc4j/pride-and-prejudice-with-many-errors.mrc";

    /** One record of the evaluation set: where it is, its gold label, and the source record it became. */
    private record Item(String file, int position, String gold, String sourceRecordId) {}

    @Override
    CatalogStore openStore(Path dataDir) {
        return SolrStores.open(SolrSettings.EMBEDDED, dataDir);
    }

    @Test
    void pairwisePrecisionAndRecallMeetTheTargets() throws IOException {
        Map<Integer, String> prideGroups = prideGroups();
        Map<String, String> families = new LinkedHashMap<>();
        Stream.of("marc/traject/test_data.utf8.mrc", "marc/traject/test_data.utf8.marc.xml")
                .forEach(f -> families.put(f, "traject"));
        Stream.of(
                        "marc/solrmarc/specTestRecs.mrc",
                        "marc/solrmarc/specTestRecs.xml",
                        "marc/solrmarc/specTestRecs_no_Prolog.xml",
                        "marc/solrmarc/specTestRecs_withBOM.xml")
                .forEach(f -> families.put(f, "spec"));
        Stream.of(
                        "marc/marc4j/chabon.mrc",
                        "marc/marc4j/chabon.xml",
                        "marc/xbib/chabon.mrc.utf8.xml",
                        "marc/marc4j/summerland.mrc",
                        "marc/marc4j/summerland.xml",
                        "marc/xbib/summerland.mrc.utf8.xml")
                .forEach(f -> families.put(f, "marc4j-samples"));

        List<String> files = new ArrayList<>(List.of(PRIDE, PRIDE_DAMAGED, "marc/evergreen/badisbns.xml"));
        files.addAll(families.keySet());
        files.addAll(openLibraryFiles());

        List<Item> items = new ArrayList<>();
        IngestPipeline pipeline = fixture.pipeline();
        for (int f = 0; f < files.size(); f++) {
            String file = files.get(f);
            String source = String.format("e%02d", f);
            try (RecordReader reader = RecordReaders.open(TestData.file(file), InputFormat.AUTO)) {
                pipeline.run(PipelineFixture.fileSource(source), reader, summary -> {});
            }
            try (RecordReader reader = RecordReaders.open(TestData.file(file), InputFormat.AUTO)) {
                int position = 0;
                while (reader.hasNext()) {
                    RawRecord raw = reader.next();
                    position++;
                    String id = RecordIds.sourceRecordId(source, CrosswalkParams.localId(raw));
                    items.add(new Item(file, position, gold(file, position, raw, prideGroups, families), id));
                }
            }
        }
        pipeline.commit(new IngestSummary());
        assertEquals(
                383,
                items.stream().filter(i -> i.file().equals(PRIDE_DAMAGED)).count(),
                "the damaged file aligns record for record");

        // Predicted: the master record each accepted source record belongs to.
        Map<String, StoredRecord> sources = fixture.store.get(
                StoreCollection.SOURCE, items.stream().map(Item::sourceRecordId).toList(), Projection.FIELDS);
        List<Item> accepted = new ArrayList<>();
        Map<Item, String> predicted = new HashMap<>();
        for (Item item : items) {
            StoredRecord sourceRecord = sources.get(item.sourceRecordId());
            if (sourceRecord != null && "accepted".equals(sourceRecord.status())) {
                accepted.add(item);
                predicted.put(item, sourceRecord.field(CatalogFields.MASTER));
            }
        }

        PairwiseEvaluation evaluation = new PairwiseEvaluation(accepted.stream()
                .map(item -> new PairwiseEvaluation.Labelled(
                        item.file() + '#' + item.position(), item.gold(), predicted.get(item)))
                .toList());
        long goldPairs = evaluation.goldPairs;
        long predictedPairs = evaluation.predictedPairs;
        long truePositives = evaluation.truePositives;
        double precision = evaluation.precision();
        double recall = evaluation.recall();
        String report = evaluation.mistakes;
        String figures = String.format(
                "deduplication evaluation: %d files, %d records read, %d accepted, %d gold pairs, %d predicted pairs,"
                        + " %d correct: precision %.4f, recall %.4f%n",
                files.size(),
                items.size(),
                accepted.size(),
                goldPairs,
                predictedPairs,
                truePositives,
                precision,
                recall);
        System.out.print(figures);
        Files.writeString(Path.of("target", "dedup-evaluation.txt"), figures + report, StandardCharsets.UTF_8);

        assertTrue(goldPairs > 400, "the set has duplicates to find: " + goldPairs);
        assertTrue(precision >= 0.99, figures + report);
        assertTrue(recall >= 0.95, figures + report);
    }

    private static String gold(
            String file, int position, RawRecord raw, Map<Integer, String> prideGroups, Map<String, String> families) {
        if (file.equals(PRIDE) || file.equals(PRIDE_DAMAGED)) {
            return prideGroups.getOrDefault(position, "pride#" + position);
        }
        String family = families.get(file);
        if (family != null && raw.localId() != null) {
            return family + ":" + raw.localId();
        }
        Path name = Path.of(file).getFileName();
        if (file.startsWith("marc/openlibrary/")) {
            String stem = name.toString().replaceFirst("_(meta\\.mrc|marc\\.xml)$", "");
            if (!stem.equals(name.toString())) {
                return "openlibrary:" + stem;
            }
        }
        return file + "#" + position;
    }

    /** Gold groups of the Pride and Prejudice file: position to group id. */
    private static Map<Integer, String> prideGroups() throws IOException {
        Map<Integer, String> groups = new HashMap<>();
        try (InputStream in =
                DeduplicationEvaluationTest.class.getResourceAsStream("/dedup/pride-and-prejudice-gold.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split("\t");
                for (String position : columns[1].split(",")) {
                    groups.put(Integer.parseInt(position.strip()), "pride:" + columns[0]);
                }
            }
        }
        return groups;
    }

    /** The Open Library binary and MARCXML samples that have a partner in the other format, and the rest. */
    private static List<String> openLibraryFiles() throws IOException {
        List<String> files = new ArrayList<>();
        for (String dir : List.of("marc/openlibrary/bin_input", "marc/openlibrary/xml_input")) {
            try (Stream<Path> listing = Files.list(TestData.file(dir))) {
                listing.map(p -> dir + "/" + p.getFileName()).sorted().forEach(files::add);
            }
        }
        return files;
    }
}
