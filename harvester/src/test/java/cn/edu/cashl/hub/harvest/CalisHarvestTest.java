package cn.edu.cashl.hub.harvest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.edu.cashl.hub.harvest.calis.ExportFile;
import cn.edu.cashl.hub.source.Source;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marc4j.MarcStreamWriter;
import org.marc4j.marc.MarcFactory;

/** The CALIS export interface read from a directory: dump, increments, deletions, each file once. */
class CalisHarvestTest {

    private static final MarcFactory MARC = MarcFactory.newInstance();

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

    private static org.marc4j.marc.Record record(String id, char status, String title) {
        org.marc4j.marc.Record record = MARC.newRecord("00000" + status + "am a2200000 a 4500");
        record.addVariableField(MARC.newControlField("001", id));
        record.addVariableField(MARC.newControlField("008", "200101s2020    xx            000 0 eng d"));
        var field050 = MARC.newDataField("050", ' ', ' ');
        field050.addSubfield(MARC.newSubfield('a', "DS" + Math.abs(id.hashCode() % 900)));
        record.addVariableField(field050);
        var field245 = MARC.newDataField("245", '0', '0');
        field245.addSubfield(MARC.newSubfield('a', title));
        record.addVariableField(field245);
        return record;
    }

    private static void write(Path file, boolean gzip, org.marc4j.marc.Record... records) throws Exception {
        try (OutputStream out =
                gzip ? new GZIPOutputStream(Files.newOutputStream(file)) : Files.newOutputStream(file)) {
            MarcStreamWriter writer = new MarcStreamWriter(out, "UTF-8");
            for (org.marc4j.marc.Record record : records) {
                writer.write(record);
            }
            writer.close();
        }
    }
}
