package cn.edu.cashl.hub.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.edu.cashl.hub.catalog.CatalogStore;
import cn.edu.cashl.hub.catalog.RecordFilter;
import cn.edu.cashl.hub.catalog.RecordPage;
import cn.edu.cashl.hub.catalog.StoreCollection;
import cn.edu.cashl.hub.catalog.StoredRecord;
import cn.edu.cashl.hub.ingest.read.InputFormat;
import cn.edu.cashl.hub.ingest.read.RecordReader;
import cn.edu.cashl.hub.ingest.read.RecordReaders;
import cn.edu.cashl.hub.schema.CashlRecords;
import cn.edu.cashl.hub.schema.InvalidRecordException;
import cn.edu.cashl.hub.schema.v1.CashlRecord;
import cn.edu.cashl.hub.schema.v1.Holding;
import cn.edu.cashl.hub.schema.v1.HoldingForm;
import cn.edu.cashl.hub.schema.v1.RecordType;
import cn.edu.cashl.hub.source.Licence;
import cn.edu.cashl.hub.source.Source;
import cn.edu.cashl.hub.testkit.KbartLists;
import cn.edu.cashl.hub.testkit.PrintJournals;
import cn.edu.cashl.hub.testkit.TestData;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * KBART title lists through the real pipeline: a title the catalogue holds in print gains the
 * package's electronic holdings on its master record; a title it lacks becomes a master record of
 * type ejournal or ebook; a broken row is quarantined with its line; every real list of the shared
 * data goes through with each row accounted for.
 */
class KbartIngestTest extends PipelineTestBase {

    private static final String PRINT_JOURNAL = PrintJournals.americanEconomicReview("whu");

    private static final String LIST = KbartLists.HEADER.replace("\n", "\r\n")
            + "The American Economic Review\t0002-8282\t1944-7981\t1911-03\t1\t1\t1940-12\t30\t4\t"
            + "https://www.jstor.org/journal/amerecorevi\t\tamerecorevi\t\tfulltext\t\t"
            + "American Economic Association\tserial\r\n"
            + "The American Economic Review\t0002-8282\t1944-7981\t1950\t40\t\t\t\t\t"
            + "https://www.jstor.org/journal/amerecorevi\t\tamerecorevi\tR5Y\tfulltext\t\t"
            + "American Economic Association\tserial\r\n"
            + "Women's History Review\t0961-2025\t1747-583X\t1992\t1\t1\t\t\t\t"
            + "https://www.tandfonline.com/loi/rwhr20\t\trwhr20\tR18M\tfulltext\t\tRoutledge\tserial\r\n"
            + "Broken Row\t1234-5678\r\n"
            + "Bad Embargo Journal\t0000-0000\t\t2001\t\t\t\t\t\thttps://example.org/j\t\tbad\tR1Q\tfulltext\t\t"
            + "X\tserial\r\n";

    private static final Source JSTOR = Source.kbart(
            "jstor-as1",
            "https://example.org/jstor.txt",
            new Licence("JSTOR Arts & Sciences I", List.of("pku", "fudan"), false, true, Map.of()));

    @Test
    void aListAttachesItsTitlesToThePrintJournalAndMakesTheRest() throws Exception {
        IngestPipeline pipeline = fixture.pipeline();
        ingest(pipeline, Source.file("whu", null), PRINT_JOURNAL, InputFormat.AUTO);
        IngestSummary summary = ingest(pipeline, JSTOR, LIST, InputFormat.AUTO);
        pipeline.commit(new IngestSummary());

        assertEquals(3, summary.accepted(), summary.quarantineReasons().toString());
        assertEquals(2, summary.quarantined());
        assertTrue(
                summary.quarantineReasons().keySet().stream().anyMatch(r -> r.contains("2 cells where the header")),
                summary.quarantineReasons().toString());
        assertTrue(
                summary.quarantineReasons().keySet().stream().anyMatch(r -> r.contains("embargo_info 'R1Q'")),
                summary.quarantineReasons().toString());

        List<CashlRecord> masters = liveMasters();
        assertEquals(
                2,
                masters.size(),
                () -> "the print journal with its packages, and the title the catalogue lacks: "
                        + masters.stream()
                                .map(m -> m.getType() + " " + m.getTitle().getMain() + " "
                                        + m.getIdentifiers().getIssn().stream()
                                                .map(i -> i.getValue())
                                                .toList() + " " + m.getHolding().size())
                                .toList());
        CashlRecord aer = masters.stream()
                .filter(m -> m.getTitle().getMain().contains("American"))
                .findFirst()
                .orElseThrow();
        assertEquals(RecordType.JOURNAL, aer.getType(), "the print record describes the journal");
        assertEquals("The American economic review", aer.getTitle().getMain());
        List<Holding> electronic = aer.getHolding().stream()
                .filter(h -> h.getForm() == HoldingForm.ELECTRONIC)
                .toList();
        assertEquals(4, electronic.size(), "two rows (a gap), each for two libraries");
        assertTrue(electronic.stream()
                .allMatch(h -> "jstor-as1".equals(h.getSource())
                        && "JSTOR Arts & Sciences I".equals(h.getPackage())
                        && Boolean.TRUE.equals(h.isIllElectronic())
                        && h.getRange().size() == 1));
        assertTrue(electronic.stream()
                .anyMatch(h -> "R5Y".equals(h.getRange().get(0).getEmbargo())));
        assertEquals(
                1,
                aer.getHolding().stream()
                        .filter(h -> h.getForm() == HoldingForm.PRINT)
                        .count());

        CashlRecord womens = masters.stream()
                .filter(m -> m.getTitle().getMain().startsWith("Women"))
                .findFirst()
                .orElseThrow();
        assertEquals(RecordType.EJOURNAL, womens.getType());
        assertEquals(2, womens.getHolding().size());
    }

    @Test
    void everyRealListIsReadRowByRowWithNothingLost() throws IOException {
        IngestPipeline pipeline = fixture.pipeline();
        Path root = TestData.file("kbart");
        List<Path> lists;
        try (Stream<Path> walk = Files.walk(root)) {
            lists = walk.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().endsWith(".gz")) // 72,000 rows: KbartReaderTest reads it
                    .filter(p -> !p.getFileName().toString().endsWith(".md"))
                    .sorted()
                    .toList();
        }
        assertTrue(lists.size() >= 10, "the shared KBART lists: " + lists);
        long rows = 0;
        long quarantined = 0;
        for (Path list : lists) {
            Source source = Source.kbart(
                    "kbart-" + Math.abs(list.getFileName().toString().hashCode()),
                    list.toUri().toString(),
                    new Licence(list.getFileName().toString(), List.of(Licence.ALL), false, null, Map.of()));
            try (RecordReader reader = RecordReaders.open(list, InputFormat.KBART)) {
                IngestSummary summary = pipeline.run(source, reader, s -> {});
                assertEquals(
                        summary.read(),
                        summary.accepted() + summary.filtered() + summary.quarantined(),
                        list + ": every row is accepted, filtered or quarantined");
                rows += summary.read();
                quarantined += summary.quarantined();
                if (!list.getFileName().toString().startsWith("availiability")
                        && !list.getFileName().toString().contains("errors")) {
                    assertEquals(0, summary.quarantined(), list + ": " + summary.quarantineReasons());
                }
            }
        }
        pipeline.commit(new IngestSummary());
        System.out.printf(
                "KBART through the pipeline: %d lists, %d rows, %d quarantined%n", lists.size(), rows, quarantined);
        assertTrue(rows > 2900, "rows read: " + rows);
    }

    private static IngestSummary ingest(IngestPipeline pipeline, Source source, String text, InputFormat format)
            throws IOException {
        try (RecordReader reader = RecordReaders.open(
                new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "list.txt", format)) {
            return pipeline.run(source, reader, s -> {});
        }
    }

    private List<CashlRecord> liveMasters() throws InvalidRecordException {
        List<CashlRecord> masters = new ArrayList<>();
        String cursor = CatalogStore.FIRST_PAGE;
        while (true) {
            RecordPage page = fixture.store.list(StoreCollection.CATALOG, RecordFilter.ALL, cursor, 500);
            for (StoredRecord record : page.records()) {
                if (!record.deleted()) {
                    masters.add(CashlRecords.get().read(record.xml()));
                }
            }
            if (page.isLast()) {
                return masters;
            }
            cursor = page.nextCursor();
        }
    }
}
