package cn.edu.cashl.hub.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every JATS and NLM article (PLOS, eLife, PubMed Central, F1000) and every Crossref work (REST API
 * answers with their wrapper, a bare work) of the shared test data, found by its content and read
 * through the real pipeline: each one accepted, or filtered or quarantined with its reason, none
 * lost.
 */
class ArticleFilesTest extends PipelineTestBase {

    @Test
    void everyJatsArticleAndCrossrefWorkIsReadAndAccountedFor() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(TestData.file("articles"))) {
            files = walk.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().matches(".*\\.(xml|nxml|json)$"))
                    .filter(p -> !p.toString().contains("invenio-oaiharvester")) // arXiv over OAI-PMH: not JATS
                    .sorted()
                    .toList();
        }
        assertTrue(files.size() >= 25, "the shared JATS and Crossref files: " + files.size());
        IngestPipeline pipeline = fixture.pipeline();
        List<String> quarantined = new ArrayList<>();
        long accepted = 0;
        long filtered = 0;
        for (Path file : files) {
            try (RecordReader reader = RecordReaders.open(file, InputFormat.AUTO)) {
                IngestSummary summary = pipeline.run(Source.file("articles", null), reader, s -> {});
                assertEquals(1, summary.read(), file + ": one work per file");
                assertEquals(
                        summary.read(),
                        summary.accepted() + summary.filtered() + summary.quarantined(),
                        file.toString());
                accepted += summary.accepted();
                filtered += summary.filtered();
                summary.quarantineReasons().keySet().forEach(r -> quarantined.add(file.getFileName() + ": " + r));
            }
        }
        pipeline.commit(new IngestSummary());
        System.out.printf(
                "JATS and Crossref: %d files, %d accepted, %d filtered, %d quarantined %s%n",
                files.size(), accepted, filtered, quarantined.size(), quarantined);
        assertEquals(List.of(), quarantined, "every real article makes a valid record");
    }
}
