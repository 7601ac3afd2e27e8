package cn.edu.cashl.hub.harvest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.edu.cashl.hub.catalog.SourceField;
import cn.edu.cashl.hub.catalog.SourceRecordStatus;
import cn.edu.cashl.hub.catalog.StoreCollection;
import cn.edu.cashl.hub.catalog.StoredRecord;
import cn.edu.cashl.hub.crosswalk.Crosswalks;
import cn.edu.cashl.hub.ingest.RecordIds;
import cn.edu.cashl.hub.ingest.StoredSourceReader;
import cn.edu.cashl.hub.source.Source;
import cn.edu.cashl.hub.testkit.oai.GeneratedFeed;
import cn.edu.cashl.hub.testkit.oai.OaiTestServer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Re-crosswalks and retries of quarantined records as runs of a source: the stored raw records go
 * through the crosswalk now in use, recorded like a harvest, never moving the watermark. Each test
 * installs its crosswalk under an id of its own, so that the shared crosswalks of other tests stay
 * as packaged.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecrosswalkTest {

    private HarvestFixture fixture;

    @BeforeAll
    void open(@TempDir Path dir) {
        fixture = new HarvestFixture(dir);
    }

    @AfterAll
    void close() {
        if (fixture != null) {
            fixture.close();
        }
    }

    private static Source oai(String id, String url, String crosswalk) {
        return Source.oaiPmh(id, url, "marc21").withNames(id, null).withCrosswalk(crosswalk);
    }

    private StoredRecord stored(String source, int i) {
        fixture.catalog.commit();
        return fixture.catalog
                .get(StoreCollection.SOURCE, RecordIds.sourceRecordId(source, GeneratedFeed.identifier(i)))
                .orElseThrow();
    }

    @Test
    void aRecrosswalkRewritesTheStoredRecordsWithTheCrosswalkNowInUseAsARunOfTheSource() throws Exception {
        Crosswalks crosswalks = HarvestFixture.crosswalks();
        crosswalks.replace("rx-marc", 1, Crosswalks.packagedSource("marc21-to-cashl"));
        GeneratedFeed feed = new GeneratedFeed(120, 50, false, HarvestFixture.yesterday());
        try (OaiTestServer server = OaiTestServer.start(feed)) {
            Harvester harvester = fixture.harvester(HarvestFixture.FAST, oai("rx", server.baseUrl(), "rx-marc"));
            RunRecord harvest = harvester.harvest("rx", false, "test");
            assertEquals(RunOutcome.COMPLETE, harvest.outcome(), harvest.reason());
            String watermark = fixture.store.watermark("rx").orElseThrow();
            assertEquals(120, StoredSourceReader.count(fixture.catalog, "rx", null));
            assertEquals("rx-marc@1", stored("rx", 7).field(SourceField.CROSSWALK));
            int requests = server.requests().size();

            crosswalks.replace("rx-marc", 2, Crosswalks.packagedSource("marc21-to-cashl"));
            RunRecord run = harvester.recrosswalk("rx", "manual");

            assertEquals("recrosswalk", run.trigger());
            assertTrue(run.full());
            assertEquals(RunOutcome.COMPLETE, run.outcome(), run.reason());
            assertEquals(120, run.counts().records());
            assertEquals(120, run.counts().accepted);
            assertEquals(0, run.counts().added, "no record is new: they are the stored ones");
            assertEquals(1, run.counts().pages, "120 records: one page of " + Harvester.REREAD_PAGE);
            assertNull(run.watermarkAfter());
            assertEquals(
                    watermark, fixture.store.watermark("rx").orElseThrow(), "a re-crosswalk never moves the watermark");
            assertEquals(requests, server.requests().size(), "nothing is harvested again");
            assertTrue(fixture.store.events(run.id()).stream()
                    .anyMatch(e -> e.kind().equals("start") && e.message().contains("120")));

            StoredRecord record = stored("rx", 7);
            assertEquals("rx-marc@2", record.field(SourceField.CROSSWALK));
            assertTrue(record.xml().contains("rx-marc@2"), "the canonical record's provenance names the new version");
            assertTrue(!record.xml().contains("rx-marc@1"));
            assertEquals(120, fixture.mastersOf("rx"));
            assertTrue(fixture.store.unfinished("rx").isEmpty());
        }
    }

    @Test
    void recordsQuarantinedByABrokenCrosswalkAreAcceptedWhenRetriedAfterTheFix() throws Exception {
        Crosswalks crosswalks = HarvestFixture.crosswalks();
        crosswalks.replace("rq-marc", 1, Crosswalks.packagedSource("marc21-to-cashl"));
        GeneratedFeed feed = new GeneratedFeed(30, 50, false, HarvestFixture.yesterday());
        try (OaiTestServer server = OaiTestServer.start(feed)) {
            Harvester harvester = fixture.harvester(HarvestFixture.FAST, oai("rq", server.baseUrl(), "rq-marc"));
            assertEquals(30, harvester.harvest("rq", false, "test").counts().accepted);

            crosswalks.replace("rq-marc", 2, HarvestFixture.brokenCrosswalk());
            for (int i = 0; i < 5; i++) {
                feed.change(i);
            }
            RunRecord broken = harvester.harvest("rq", false, "test");
            assertEquals(RunOutcome.COMPLETE, broken.outcome(), broken.reason());
            assertEquals(5, broken.counts().quarantined);
            assertEquals(5, StoredSourceReader.count(fixture.catalog, "rq", SourceRecordStatus.QUARANTINED));
            assertTrue(
                    stored("rq", 0).field(SourceField.REASON).contains("rq-marc@2 produced an invalid CASHL record"),
                    stored("rq", 0).field(SourceField.REASON));

            crosswalks.replace("rq-marc", 3, Crosswalks.packagedSource("marc21-to-cashl"));
            RunRecord retry = harvester.retryQuarantined("rq", "manual");

            assertEquals("retry", retry.trigger());
            assertEquals(RunOutcome.COMPLETE, retry.outcome(), retry.reason());
            assertEquals(5, retry.counts().records(), "only the quarantined records");
            assertEquals(5, retry.counts().accepted);
            assertEquals(0, retry.counts().quarantined);
            assertEquals(0, StoredSourceReader.count(fixture.catalog, "rq", SourceRecordStatus.QUARANTINED));
            assertEquals("accepted", stored("rq", 0).status());
            assertEquals("rq-marc@3", stored("rq", 0).field(SourceField.CROSSWALK));
            assertEquals(
                    "rq-marc@1", stored("rq", 10).field(SourceField.CROSSWALK), "an accepted record is left as it was");
            assertTrue(stored("rq", 0).xml().contains("revised 1"), "the record as last harvested");
            assertEquals(30, fixture.mastersOf("rq"));
        }
    }

    @Test
    void anInterruptedRecrosswalkEndsPartialAndIsNeverResumedAsAHarvest() throws Exception {
        GeneratedFeed feed = new GeneratedFeed(20, 50, false, HarvestFixture.yesterday());
        try (OaiTestServer server = OaiTestServer.start(feed)) {
            Harvester harvester = fixture.harvester(HarvestFixture.FAST, oai("ri", server.baseUrl(), null));
            assertEquals(
                    RunOutcome.COMPLETE, harvester.harvest("ri", false, "test").outcome());

            // Interrupted before its first page: it records the run and stops there.
            AtomicReference<Throwable> thrown = new AtomicReference<>();
            Thread thread = new Thread(() -> {
                Thread.currentThread().interrupt();
                try {
                    harvester.recrosswalk("ri", "manual");
                } catch (Throwable e) {
                    thrown.set(e);
                }
            });
            thread.start();
            thread.join(30_000);
            assertInstanceOf(InterruptedException.class, thrown.get());
            RunRecord interrupted = fixture.store.lastRuns("ri", 1).get(0);
            assertEquals("recrosswalk", interrupted.trigger());
            assertEquals(RunOutcome.PARTIAL, interrupted.outcome());
            assertEquals(Harvester.INTERRUPTED, interrupted.reason());
            assertTrue(fixture.store.unfinished("ri").isEmpty());

            // One left running by a hub that died: the next harvest ends it and starts a run of its own.
            RunRecord dead = fixture.store.start("ri", true, "recrosswalk", null, Instant.now());
            fixture.store.checkpoint(dead.id(), new RunCounts(), "recrosswalk:0", null);
            RunRecord harvest = harvester.harvest("ri", false, "test");
            assertNotEquals(dead.id(), harvest.id());
            assertEquals(RunOutcome.COMPLETE, harvest.outcome(), harvest.reason());
            assertTrue(!harvest.full(), "an incremental harvest from the watermark, not the re-crosswalk's full run");
            RunRecord ended = fixture.store.run(dead.id()).orElseThrow();
            assertEquals(RunOutcome.PARTIAL, ended.outcome());
            assertEquals(Harvester.INTERRUPTED, ended.reason());

            // And a re-crosswalk of it afterwards completes.
            RunRecord again = harvester.recrosswalk("ri", "manual");
            assertEquals(RunOutcome.COMPLETE, again.outcome(), again.reason());
            assertEquals(20, again.counts().records());
        }
    }
}
