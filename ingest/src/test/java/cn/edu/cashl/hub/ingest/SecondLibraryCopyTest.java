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
import cn.edu.cashl.hub.merge.CatalogFields;
import cn.edu.cashl.hub.testkit.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every MARC file of the shared test data (the malformed ones aside) imported as one library, then
 * again as a second: each of the second library's records is an exact copy of a record the first
 * library holds, so it must join that record's master, whatever else the cluster holds (volumes of
 * one set, yearbooks, serials, scores). The master count must not change and every master record
 * must carry both libraries' holdings.
 */
class SecondLibraryCopyTest extends PipelineTestBase {

    @Test
    void anExactCopyFromASecondLibraryJoinsItsMasterRecord() throws IOException {
        List<Path> files = marcFiles();
        IngestPipeline pipeline = fixture.pipeline();
        int read = importAll(pipeline, "liba", files);
        pipeline.commit(new IngestSummary());
        List<StoredRecord> before = liveMasters();
        assertTrue(before.size() > 2000, "the shared data has thousands of accepted records: " + before.size());

        importAll(pipeline, "libb", files);
        pipeline.commit(new IngestSummary());
        List<StoredRecord> after = liveMasters();

        List<String> oneLibrary = new ArrayList<>();
        for (StoredRecord master : after) {
            List<String> members = master.values(CatalogFields.MEMBER);
            if (members.stream().noneMatch(m -> m.startsWith("liba:"))
                    || members.stream().noneMatch(m -> m.startsWith("libb:"))) {
                oneLibrary.add(master.id());
            }
        }
        System.out.printf(
                "second library copy: %d files, %d records read per library, %d master records after library A,"
                        + " %d after library B, %d with one library only%n",
                files.size(), read, before.size(), after.size(), oneLibrary.size());
        assertEquals(before.size(), after.size(), "master records before and after the second library");
        assertEquals(List.of(), oneLibrary, "master records without both holdings");
    }

    private static int importAll(IngestPipeline pipeline, String library, List<Path> files) throws IOException {
        int read = 0;
        for (Path file : files) {
            try (RecordReader reader = RecordReaders.open(file, InputFormat.AUTO)) {
                IngestSummary summary = pipeline.run(PipelineFixture.fileSource(library), reader, s -> {});
                read += summary.read();
            } catch (RuntimeException | IOException e) {
                // A file no reader recognises (JSON, a README) is not MARC this test is about.
            }
        }
        return read;
    }

    private List<StoredRecord> liveMasters() {
        List<StoredRecord> masters = new ArrayList<>();
        String cursor = CatalogStore.FIRST_PAGE;
        while (true) {
            RecordPage page = fixture.store.list(StoreCollection.CATALOG, RecordFilter.ALL, cursor, 500);
            page.records().stream().filter(r -> !r.deleted()).forEach(masters::add);
            if (page.isLast()) {
                return masters;
            }
            cursor = page.nextCursor();
        }
    }

    private static List<Path> marcFiles() throws IOException {
        Path root = TestData.file("marc");
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> !root.relativize(p).startsWith("malformed"))
                    .filter(p -> !p.getFileName().toString().endsWith(".txt"))
                    .sorted()
                    .toList();
        }
    }
}
