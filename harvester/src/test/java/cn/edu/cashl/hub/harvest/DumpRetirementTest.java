package cn.edu.cashl.hub.harvest;

import static cn.edu.cashl.hub.harvest.CalisExportFiles.record;
import static cn.edu.cashl.hub.harvest.CalisExportFiles.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.edu.cashl.hub.catalog.StoreCollection;
import cn.edu.cashl.hub.catalog.StoredRecord;
import cn.edu.cashl.hub.merge.CatalogFields;
import cn.edu.cashl.hub.source.Source;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marc4j.marc.Record;

/**
 * A full CALIS dump retires the source's records it no longer holds, through the pipeline (master
 * records lose the holding or become deleted records), guarded against a dump that would delete too
 * much, and only once it was read to its end.
 */
class DumpRetirementTest {

    private static final Source CALIS =
            Source.calisExport("calis", "calis-export", "marc21").withNames("CALIS", null);
    /** A second union catalogue that holds one of CALIS's books too. */
    private static final Source OTHER =
            Source.calisExport("other", "other-export", "marc21").withNames("Other", null);

    @Test
    void aNewerDumpRetiresWhatItNoLongerHoldsBeforeTheIncrementsAfterIt(@TempDir Path dir) throws Exception {
        Path export = Files.createDirectories(dir.resolve("calis-export"));
        write(export.resolve("calis-full-20261001.mrc"), false, books(1, 40));
        write(Files.createDirectories(dir.resolve("other-export")).resolve("other-full-20261001.mrc"), false, book(1));
        try (HarvestFixture fixture = new HarvestFixture(dir)) {
            Harvester harvester = fixture.harvester(HarvestFixture.FAST, CALIS, OTHER);
            RunRecord first = harvester.harvest("calis", false, "test");
            assertEquals(RunOutcome.COMPLETE, first.outcome(), first.reason());
            assertEquals(
                    List.of("nothing to retire: the source had no records before full dump calis-full-20261001.mrc"),
                    fixture.events(first, "retire"));
            assertEquals(
                    RunOutcome.COMPLETE,
                    harvester.harvest("other", false, "test").outcome());
            String shared = master(fixture, "calis:b01");
            assertEquals(shared, master(fixture, "other:b01"), "one master record for both copies");
            String alone = master(fixture, "calis:b02");
            assertEquals(40, fixture.mastersOf("calis"));

            // The newer dump lost b01 to b03 and gained b41; an increment after it brings b03 back.
            List<Record> newer = new ArrayList<>(books(4, 41));
            write(export.resolve("calis-full-20261002.mrc"), false, newer);
            write(export.resolve("calis-incr-20261003.mrc"), false, book(3));
            RunRecord second = harvester.harvest("calis", false, "test");

            assertEquals(RunOutcome.COMPLETE, second.outcome(), second.reason());
            assertEquals(3, second.counts().deleted, "b01, b02 and b03 retired");
            assertEquals(
                    List.of("retired 3 of the source's 40 records (7.5 %) that full dump calis-full-20261002.mrc"
                            + " no longer holds"),
                    fixture.events(second, "retire"));
            Set<String> records = fixture.sourceRecords("calis").keySet();
            assertEquals(39, records.size());
            assertFalse(records.contains("calis:b01"));
            assertFalse(records.contains("calis:b02"));
            assertTrue(records.contains("calis:b03"), "the increment after the dump added it again");
            assertTrue(records.contains("calis:b41"));

            StoredRecord sharedMaster =
                    fixture.catalog.get(StoreCollection.CATALOG, shared).orElseThrow();
            assertFalse(sharedMaster.deleted(), "the other library still holds it");
            assertEquals(Set.of("other"), sharedMaster.libraries(), "CALIS's holding is gone");
            assertTrue(
                    fixture.catalog
                            .get(StoreCollection.CATALOG, alone)
                            .orElseThrow()
                            .deleted(),
                    "its only member went: a deleted record, which OAI-PMH publishes as deleted");
            assertEquals(39, fixture.mastersOf("calis"));
            assertEquals(Set.of(), fixture.store.seenInDump("calis", records), "the dump's ids are cleared");
            assertTrue(fixture.store.heldDeletions("calis").isEmpty());

            RunRecord third = harvester.harvest("calis", false, "test");
            assertEquals(0, third.counts().pages, "every file was processed, the dump with its retirement");
        }
    }

    @Test
    void aTruncatedDumpIsHeldBackByTheGuardUntilAnAdminConfirms(@TempDir Path dir) throws Exception {
        Path export = Files.createDirectories(dir.resolve("calis-export"));
        write(export.resolve("calis-full-20261001.mrc"), false, books(1, 40));
        try (HarvestFixture fixture = new HarvestFixture(dir)) {
            Harvester harvester = fixture.harvester(HarvestFixture.FAST, CALIS);
            RunRecord first = harvester.harvest("calis", false, "test");
            assertEquals(RunOutcome.COMPLETE, first.outcome(), first.reason());
            String lost = master(fixture, "calis:b30");

            // An export job that stopped half-way: the first 20 records, a well-formed file.
            write(export.resolve("calis-full-20261002.mrc"), false, books(1, 20));
            write(export.resolve("calis-incr-20261003.mrc"), false, book(50));
            RunRecord held = harvester.harvest("calis", false, "test");

            String reason = "full dump calis-full-20261002.mrc would delete 20 of 40 records (50 %), more than the"
                    + " 10 % guard: nothing deleted; confirm with harvest --confirm-deletions or in the admin";
            assertEquals(RunOutcome.PARTIAL, held.outcome());
            assertEquals(reason, held.reason());
            assertEquals(List.of(reason), fixture.events(held, "guard"));
            assertEquals(0, held.counts().deleted);
            assertEquals(40, fixture.sourceRecords("calis").size(), "nothing deleted");
            assertFalse(
                    fixture.sourceRecords("calis").containsKey("calis:b50"),
                    "the increments after the dump wait for it");
            assertEquals(
                    first.watermarkAfter(), fixture.store.watermark("calis").orElseThrow(), "watermark kept");
            assertFalse(fixture.store.fileProcessed("calis", "calis-full-20261002.mrc"));
            HeldDeletions pending = fixture.store.heldDeletions("calis").orElseThrow();
            assertEquals(held.id(), pending.runId());
            assertEquals("calis-full-20261002.mrc", pending.dump());
            assertEquals(20, pending.deletions());
            assertEquals(40, pending.sourceRecords());
            assertEquals(0.5, pending.share());

            RunRecord again = harvester.harvest("calis", false, "schedule");
            assertEquals(RunOutcome.PARTIAL, again.outcome(), "the dump is read again, and held again");
            assertEquals(
                    again.id(),
                    fixture.store.heldDeletions("calis").orElseThrow().runId());

            RunRecord confirmed = harvester.harvest("calis", false, true, "cli");
            assertEquals(RunOutcome.COMPLETE, confirmed.outcome(), confirmed.reason());
            assertEquals(20, confirmed.counts().deleted);
            assertEquals(
                    List.of("full dump calis-full-20261002.mrc deletes 20 of 40 records (50 %), more than the 10 %"
                            + " guard, as confirmed"),
                    fixture.events(confirmed, "guard"));
            assertEquals(1, fixture.events(confirmed, "confirm").size());
            assertEquals(21, fixture.sourceRecords("calis").size(), "b01 to b20, and b50 from the increment");
            assertTrue(fixture.catalog
                    .get(StoreCollection.CATALOG, lost)
                    .orElseThrow()
                    .deleted());
            assertTrue(fixture.store.heldDeletions("calis").isEmpty());
            assertEquals(
                    confirmed.watermarkAfter(), fixture.store.watermark("calis").orElseThrow(), "complete at last");
        }
    }

    @Test
    void aDumpCutShortDeletesNothingAndAResumedRunReadsItAgainFromItsStart(@TempDir Path dir) throws Exception {
        Path export = Files.createDirectories(dir.resolve("calis-export"));
        write(export.resolve("calis-full-20261001.mrc"), false, books(1, 40));
        try (HarvestFixture fixture = new HarvestFixture(dir)) {
            Harvester harvester = fixture.harvester(HarvestFixture.FAST, CALIS);
            assertEquals(
                    RunOutcome.COMPLETE,
                    harvester.harvest("calis", false, "test").outcome());

            // A MARCXML dump that breaks off: the records before the break are read, the rest is not.
            byte[] xml = CalisExportFiles.marcXml(books(4, 40));
            Files.write(export.resolve("calis-full-20261002.xml"), Arrays.copyOf(xml, xml.length * 3 / 5));
            RunRecord broken = harvester.harvest("calis", false, "test");
            String reason = "full dump calis-full-20261002.xml could not be read to its end (its last record in the"
                    + " quarantine says why): nothing retired";
            assertEquals(RunOutcome.PARTIAL, broken.outcome());
            assertEquals(reason, broken.reason());
            assertEquals(List.of(reason), fixture.events(broken, "retire"));
            assertTrue(broken.counts().unchanged > 10, "the records before the break were read");
            assertEquals(1, broken.counts().quarantined, "the break");
            assertEquals(0, broken.counts().deleted);
            assertFalse(fixture.store.fileProcessed("calis", "calis-full-20261002.xml"));

            // A compressed dump cut off on the way: reading it fails part-way.
            Path newer = export.resolve("calis-full-20261003.mrc.gz");
            write(newer, true, books(4, 40));
            byte[] whole = Files.readAllBytes(newer);
            Files.write(newer, Arrays.copyOf(whole, whole.length / 2));
            RunRecord cut = harvester.harvest("calis", false, "test");
            assertNotEquals(RunOutcome.COMPLETE, cut.outcome());
            assertEquals(0, cut.counts().deleted);
            assertEquals(List.of(), fixture.events(cut, "retire"));
            assertEquals(
                    41,
                    fixture.sourceRecords("calis").size(),
                    "nothing retired from a dump not read to its end; the break is in the quarantine");

            // The whole file arrives; the hub was killed in the run that read it, which left its
            // state behind: the run still running, and the ids of an earlier reading of a dump.
            write(newer, true, books(4, 40));
            String watermark = fixture.store.watermark("calis").orElseThrow();
            RunRecord killed = fixture.store.start("calis", false, "schedule", watermark, Instant.now());
            fixture.store.checkpoint(killed.id(), killed.counts(), "calis:calis-full-20261001.mrc", null);
            fixture.store.dumpSeen("calis", List.of("calis:b01", "calis:b02", "calis:b03"));

            RunRecord resumed = harvester.harvest("calis", false, "test");
            assertEquals(killed.id(), resumed.id(), "the same run, resumed");
            assertEquals(RunOutcome.COMPLETE, resumed.outcome(), resumed.reason());
            assertEquals(
                    4,
                    resumed.counts().deleted,
                    "b01 to b03 and the break: ids left from before the dump count for nothing");
            assertEquals(37, fixture.sourceRecords("calis").size());
        }
    }

    /** The source record's master record. */
    private static String master(HarvestFixture fixture, String sourceRecord) {
        return fixture.catalog
                .get(StoreCollection.SOURCE, sourceRecord)
                .orElseThrow()
                .field(CatalogFields.MASTER);
    }

    private static Record book(int n) {
        return record(String.format("b%02d", n), 'n', "Essays on Asian history, volume " + n);
    }

    /** Books {@code from} to {@code to}, both included. */
    private static List<Record> books(int from, int to) {
        return IntStream.rangeClosed(from, to)
                .mapToObj(DumpRetirementTest::book)
                .toList();
    }
}
