package cn.edu.cashl.hub.harvest;

import static cn.edu.cashl.hub.harvest.CalisExportFiles.record;
import static cn.edu.cashl.hub.harvest.CalisExportFiles.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.edu.cashl.hub.harvest.calis.ExportFile;
import cn.edu.cashl.hub.source.Source;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CALIS export interface read from a directory: dump, increments, deletions, each file once. */
class CalisHarvestTest {

    @Test
    void theNewestDumpAndTheFilesAfterItAreReadOnceInDateOrderWithDeletions(@TempDir Path dir) throws Exception {
        Path export = Files.createDirectories(dir.resolve("export"));
        write(
                export.resolve("cashl-full-20261001.mrc"),
                false,
                record("c1", 'n', "Rural China"),
                record("c2", 'n', "Meiji Japan"),
                record("c3", 'n', "Ottoman trade"),
                record("c4", 'n', "Soviet cinema"));
        write(export.resolve("cashl-full-20250101.mrc"), false, record("old", 'n', "Superseded by the newer dump"));
        write(
                export.resolve("cashl-incr-20261002.mrc.gz"),
                true,
                record("c2", 'n', "Meiji Japan, revised"),
                record("c3", 'd', "Ottoman trade"));
        Files.writeString(export.resolve("cashl-delete-20261003.txt"), "# withdrawn\nc4\n");
        Files.writeString(export.resolve("index.html"), "<html>not an export file</html>");

        try (HarvestFixture fixture = new HarvestFixture(dir)) {
            Source calis = Source.calisExport("calis", "export", "marc21").withNames("CALIS", null);
            Harvester harvester = fixture.harvester(HarvestFixture.FAST, calis);
            RunRecord first = harvester.harvest("calis", false, "test");
            assertEquals(RunOutcome.COMPLETE, first.outcome(), first.reason());
            assertEquals(
                    3, first.counts().pages, "three files: the old dump is superseded, index.html is no export file");
            assertEquals(4, first.counts().added);
            assertEquals(1, first.counts().changed);
            assertEquals(2, first.counts().deleted, "leader/05 d and the delete list");
            assertEquals(
                    List.of("calis:c1", "calis:c2"),
                    List.copyOf(fixture.sourceRecords("calis").keySet()));

            RunRecord second = harvester.harvest("calis", false, "test");
            assertEquals(RunOutcome.COMPLETE, second.outcome());
            assertEquals(0, second.counts().pages, "every file was processed already");

            write(export.resolve("cashl-incr-20261004.mrc"), false, record("c5", 'n', "Andean weaving"));
            RunRecord third = harvester.harvest("calis", false, "test");
            assertEquals(1, third.counts().pages);
            assertEquals(1, third.counts().added);
            assertTrue(fixture.sourceRecords("calis").containsKey("calis:c5"));
        }
    }

    @Test
    void filesAreRecognisedAndOrderedByTheirNames() {
        List<ExportFile> plan = ExportFile.plan(List.of(
                "b-incr-20261002.xml",
                "a-full-20261001.mrc.gz",
                "old-20250101.mrc",
                "del-20261001.txt",
                "README",
                "checksums.md5",
                "a-full-20240101.mrc"));
        assertEquals(
                List.of("a-full-20261001.mrc.gz", "del-20261001.txt", "b-incr-20261002.xml"),
                plan.stream().map(ExportFile::name).toList());
        assertEquals(ExportFile.Kind.DELETIONS, plan.get(1).kind());
    }
}
