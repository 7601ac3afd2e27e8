package cn.edu.cashl.hub.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.edu.cashl.hub.ingest.read.InputFormat;
import cn.edu.cashl.hub.ingest.read.RecordReader;
import cn.edu.cashl.hub.ingest.read.RecordReaders;
import cn.edu.cashl.hub.source.Source;
import cn.edu.cashl.hub.testkit.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every file of the shared article data ({@code articles/}), found by its content and read through
 * the real pipeline: JATS and NLM articles (PLOS, eLife, PubMed Central, F1000), Crossref works (REST
 * API answers with their wrapper, a bare work), arXiv OAI-PMH responses (a GetRecord, a 46-record
 * ListRecords, a copy without any namespace). Each record is accepted, or filtered or quarantined with
 * its reason, none lost. The Markdown files (DOAJ's OAI-PMH documentation, a README) are
 * documentation: no records, as the data's README counts them.
 *
 * <p>What becomes of the records depends on the filter the pipeline applies to articles; the expected
 * count of each outcome is stated once below, so that a change of that filter changes one number.
 */
class ArticleFilesTest extends PipelineTestBase {

    /** Records in the data files: 19 JATS articles, 6 Crossref works, 48 arXiv e-prints. */
    private static final long RECORDS = 73;

    /**
     * All of them: articles are scoped by a source's journal list, not by the HSS rules, and the
     * source here names none (ArticleJournalListTest scopes them); the Crossref book is a book the
     * HSS rules keep.
     */
    private static final long ACCEPTED = 73;

    private static final long FILTERED = 0;

    private static final long QUARANTINED = 0;

    /** Records per data file: one work per JATS or Crossref file, the arXiv responses as harvested. */
    private static final Map<String, Long> RECORDS_PER_FILE = Map.of(
            "sample_arxiv_response.xml", 1L,
            "sample_arxiv_response_listrecords_cs.xml", 46L,
            "sample_arxiv_response_no_namespace.xml", 1L);

    @Test
    void everyArticleFileIsReadAndEveryRecordAccountedFor() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(TestData.file("articles"))) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        IngestPipeline pipeline = fixture.pipeline();
        List<String> documentation = new ArrayList<>();
        List<String> quarantined = new ArrayList<>();
        List<String> filteredFiles = new ArrayList<>();
        long read = 0;
        long accepted = 0;
        long filtered = 0;
        long quarantinedRecords = 0;
        for (Path file : files) {
            String name = file.getFileName().toString();
            if (name.endsWith(".md")) {
                documentation.add(name); // reference text: no records
                continue;
            }
            try (RecordReader reader = RecordReaders.open(file, InputFormat.AUTO)) {
                IngestSummary summary = pipeline.run(Source.file("articles", null), reader, s -> {});
                assertEquals(RECORDS_PER_FILE.getOrDefault(name, 1L), summary.read(), file + ": records read");
                assertEquals(
                        summary.read(),
                        summary.accepted() + summary.filtered() + summary.quarantined(),
                        file + ": every record accepted, filtered or quarantined");
                read += summary.read();
                accepted += summary.accepted();
                filtered += summary.filtered();
                quarantinedRecords += summary.quarantined();
                if (summary.filtered() > 0) {
                    filteredFiles.add(name + (summary.filtered() > 1 ? " (" + summary.filtered() + ")" : ""));
                }
                summary.quarantineReasons().keySet().forEach(r -> quarantined.add(name + ": " + r));
            }
        }
        pipeline.commit(new IngestSummary());
        System.out.printf(
                "articles: %d files (%d of documentation), %d records: %d accepted, %d filtered %s, %d quarantined %s%n",
                files.size(),
                documentation.size(),
                read,
                accepted,
                filtered,
                filteredFiles,
                quarantinedRecords,
                quarantined);

        assertEquals(
                List.of("README.md", "oai-pmh.md"),
                documentation.stream().sorted().toList());
        assertEquals(30, files.size(), "the files of articles/ the data's README lists");
        assertEquals(RECORDS, read);
        assertEquals(QUARANTINED, quarantinedRecords, () -> "quarantined: " + quarantined);
        assertEquals(FILTERED, filtered, "filtered");
        assertEquals(ACCEPTED, accepted, "accepted");
    }
}
