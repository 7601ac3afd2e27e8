package cn.edu.cashl.hub.ingest;

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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The labelled evaluation of article deduplication (docs/deduplication.md), built from the shared
 * data's real articles: every JATS article and Crossref work, each imported as it is and as another
 * feed would send it, through the whole pipeline on embedded Solr.
 *
 * <ul>
 *   <li>The same article (gold: its file): the JATS article again without its DOI and subtitle, as
 *       a feed that knows only the citation sends it (rule 2 without a DOI: ISSN, volume, issue, first
 *       page and title); the Crossref work again with its DOI as an upper-case resolver URL.</li>
 *   <li>Different articles (gold: their own): all the real articles pairwise, many from one journal
 *       (PLOS ONE, eLife, PLOS Medicine); and for each JATS article a second item on its first page
 *       (an erratum: the same citation under another title, without a DOI), the hardest negative.</li>
 * </ul>
 */
class ArticleDeduplicationEvaluationTest extends PipelineTestBase {

    private static final Pattern DOI_ID = Pattern.compile("<article-id pub-id-type=\"doi\">[^<]*</article-id>");
    private static final Pattern SUBTITLE = Pattern.compile("<subtitle>.*?</subtitle>", Pattern.DOTALL);
    private static final Pattern ARTICLE_TITLE =
            Pattern.compile("(<title-group>\\s*<article-title[^>]*>).*?(</article-title>)", Pattern.DOTALL);
    private static final Pattern CROSSREF_DOI = Pattern.compile("\"DOI\":\"(10\\.[^\"]+)\"");

    @TempDir
    Path variants;

    @Override
    CatalogStore openStore(Path dataDir) {
        return SolrStores.open(SolrSettings.EMBEDDED, dataDir);
    }

    @Test
    void pairwisePrecisionAndRecallMeetTheTargets() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(TestData.file("articles"))) {
            files = walk.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().matches(".*\\.(xml|nxml|json)$"))
                    .filter(p -> !p.toString().contains("invenio-oaiharvester")) // arXiv: no citation to test
                    .sorted()
                    .toList();
        }
        // Each input: its file, its gold label.
        Map<Path, String> inputs = new LinkedHashMap<>();
        for (Path file : files) {
            String gold = file.getFileName().toString();
            inputs.put(file, gold);
            String text = Files.readString(file, StandardCharsets.UTF_8);
            if (gold.endsWith(".json")) {
                inputs.put(
                        variant(
                                file,
                                "doi-url",
                                text,
                                t -> CROSSREF_DOI
                                        .matcher(t)
                                        .replaceFirst(m -> "\"DOI\":\""
                                                + ("HTTPS://DOI.ORG/" + m.group(1))
                                                        .toUpperCase()
                                                        .replace("\\", "\\\\")
                                                        .replace("$", "\\$")
                                                + "\"")),
                        gold);
            } else {
                UnaryOperator<String> withoutDoi =
                        t -> SUBTITLE.matcher(DOI_ID.matcher(t).replaceAll("")).replaceAll("");
                inputs.put(variant(file, "citation-only", text, withoutDoi), gold);
                inputs.put(
                        variant(
                                file,
                                "erratum",
                                text,
                                t -> ARTICLE_TITLE
                                        .matcher(withoutDoi.apply(t))
                                        .replaceFirst("$1Erratum to the article on this page$2")),
                        gold + "#erratum");
            }
        }

        IngestPipeline pipeline = fixture.pipeline();
        List<String[]> items = new ArrayList<>(); // name, gold, source record id
        int n = 0;
        for (Map.Entry<Path, String> input : inputs.entrySet()) {
            String source = String.format("a%03d", n++);
            try (RecordReader reader = RecordReaders.open(input.getKey(), InputFormat.AUTO)) {
                pipeline.run(PipelineFixture.fileSource(source), reader, summary -> {});
            }
            try (RecordReader reader = RecordReaders.open(input.getKey(), InputFormat.AUTO)) {
                RawRecord raw = reader.next();
                items.add(new String[] {
                    input.getKey().getFileName().toString(),
                    input.getValue(),
                    RecordIds.sourceRecordId(source, CrosswalkParams.localId(raw))
                });
            }
        }
        pipeline.commit(new IngestSummary());

        Map<String, StoredRecord> stored = fixture.store.get(
                StoreCollection.SOURCE, items.stream().map(i -> i[2]).toList(), Projection.FIELDS);
        List<PairwiseEvaluation.Labelled> accepted = new ArrayList<>();
        for (String[] item : items) {
            StoredRecord record = stored.get(item[2]);
            if (record != null && "accepted".equals(record.status())) {
                accepted.add(new PairwiseEvaluation.Labelled(item[0], item[1], record.field(CatalogFields.MASTER)));
            }
        }
        PairwiseEvaluation evaluation = new PairwiseEvaluation(accepted);
        String figures = String.format(
                "article deduplication evaluation: %d real articles, %d records, %d accepted, %d gold pairs,"
                        + " %d predicted pairs, %d correct: precision %.4f, recall %.4f%n",
                files.size(),
                items.size(),
                accepted.size(),
                evaluation.goldPairs,
                evaluation.predictedPairs,
                evaluation.truePositives,
                evaluation.precision(),
                evaluation.recall());
        System.out.print(figures);
        Files.writeString(
                Path.of("target", "article-dedup-evaluation.txt"),
                figures + evaluation.mistakes,
                StandardCharsets.UTF_8);

        assertTrue(accepted.size() == items.size(), figures);
        assertTrue(evaluation.goldPairs >= 25, "the set has duplicates to find: " + figures);
        assertTrue(evaluation.precision() >= 0.99, figures + evaluation.mistakes);
        assertTrue(evaluation.recall() >= 0.9, figures + evaluation.mistakes);
    }

    private Path variant(Path file, String kind, String text, UnaryOperator<String> change) throws IOException {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        Path out = variants.resolve(name.substring(0, dot) + "." + kind + name.substring(dot));
        Files.writeString(out, change.apply(text), StandardCharsets.UTF_8);
        return out;
    }
}
