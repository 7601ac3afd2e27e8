package cn.edu.cashl.hub.harvest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.edu.cashl.hub.catalog.StoreCollection;
import cn.edu.cashl.hub.catalog.solr.SolrSettings;
import cn.edu.cashl.hub.catalog.solr.SolrStores;
import cn.edu.cashl.hub.harvest.oai.Granularity;
import cn.edu.cashl.hub.ingest.RecordIds;
import cn.edu.cashl.hub.testkit.oai.GeneratedFeed;
import cn.edu.cashl.hub.testkit.oai.OaiTestServer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Incremental harvesting against a generated repository that changes between runs: the watermark,
 * {@code from} at the repository's granularity, deletions, and a run resumed at its checkpoint.
 * On real embedded Solr: the harvester tests' run on Solr, the others use the in-memory store.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IncrementalHarvestTest {

    private HarvestFixture fixture;

    @BeforeAll
    void open(@TempDir Path dir) {
        fixture = new HarvestFixture(dir, SolrStores.open(SolrSettings.EMBEDDED, dir));
    }

    @AfterAll
    void close() {
        if (fixture != null) {
            fixture.close();
        }
    }

    private RunRecord harvest(String source, OaiTestServer server) throws Exception {
        return fixture.harvester(HarvestFixture.FAST, HarvestFixture.oai(source, server.baseUrl(), "marc21"))
                .harvest(source, false, "test");
    }

    private String title(String source, int i) {
        String id = RecordIds.sourceRecordId(source, GeneratedFeed.identifier(i));
        return fixture.catalog.get(StoreCollection.SOURCE, id).map(r -> r.xml()).orElse(null);
    }

    @Test
    void theSecondRunAsksOnlyForWhatChangedSinceTheWatermarkAndAppliesChangesAndDeletions() throws Exception {
        GeneratedFeed feed = new GeneratedFeed(250, 40, false, HarvestFixture.yesterday());
        try (OaiTestServer server = OaiTestServer.start(feed)) {
            RunRecord first = harvest("inc", server);
            assertEquals(RunOutcome.COMPLETE, first.outcome(), first.reason());
            assertTrue(first.full());
            assertEquals(250, first.counts().added);
            assertEquals(7, first.counts().pages);
            assertEquals(250, fixture.mastersOf("inc"));

            for (int i = 0; i < 5; i++) {
                feed.change(i * 10);
            }
            feed.delete(3);
            feed.delete(4);
            RunRecord second = harvest("inc", server);
            assertEquals(RunOutcome.COMPLETE, second.outcome(), second.reason());
            assertEquals(first.watermarkAfter(), second.watermarkBefore());
            String expectedFrom = Granularity.SECOND.format(
                    Instant.parse(first.watermarkAfter()).minusSeconds(60));
            String lastList = server.listQueries().get(server.listQueries().size() - 1);
            assertTrue(lastList.contains("from=" + expectedFrom.replace(":", "%3A")), lastList);
            assertEquals(7, second.counts().records(), "only the changed and deleted records");
            assertEquals(5, second.counts().changed);
            assertEquals(2, second.counts().deleted);
            assertEquals(248, fixture.mastersOf("inc"));
            assertTrue(title("inc", 10).contains("revised 1"), title("inc", 10));
            assertEquals(null, title("inc", 3));
        }
    }

    @Test
    void aDayGranularityRepositoryGetsDaysInFrom() throws Exception {
        GeneratedFeed feed = new GeneratedFeed(60, 25, true, HarvestFixture.yesterday());
        try (OaiTestServer server = OaiTestServer.start(feed)) {
            RunRecord first = harvest("days", server);
            assertEquals(RunOutcome.COMPLETE, first.outcome(), first.reason());
            feed.change(7);
            RunRecord second = harvest("days", server);
            assertEquals(RunOutcome.COMPLETE, second.outcome(), second.reason());
            String lastList = server.listQueries().get(server.listQueries().size() - 1);
            assertTrue(lastList.matches(".*from=\\d{4}-\\d{2}-\\d{2}(&.*|$)"), lastList);
            assertEquals(1, second.counts().changed);
            assertTrue(title("days", 7).contains("revised 1"));
        }
    }

    @Test
    void aRunInterruptedMidwayIsResumedAtItsLastPageByTheNextRun() throws Exception {
        GeneratedFeed feed = new GeneratedFeed(300, 20, false, HarvestFixture.yesterday());
        try (OaiTestServer server = OaiTestServer.start(feed).delayMillis(150)) {
            Harvester harvester =
                    fixture.harvester(HarvestFixture.FAST, HarvestFixture.oai("resume", server.baseUrl(), "marc21"));
            AtomicReference<Throwable> outcome = new AtomicReference<>();
            Thread thread = new Thread(() -> {
                try {
                    harvester.harvest("resume", false, "test");
                } catch (Throwable e) {
                    outcome.set(e);
                }
            });
            thread.start();
            while (server.listRequests() < 6) {
                Thread.sleep(20);
            }
            thread.interrupt();
            thread.join(30_000);
            assertTrue(outcome.get() instanceof InterruptedException, String.valueOf(outcome.get()));
            RunRecord interrupted = fixture.store.unfinished("resume").orElseThrow();
            assertNotNull(interrupted.checkpoint());
            long pagesBefore = interrupted.counts().pages;
            int requestsBefore = server.listRequests();

            RunRecord resumed = harvester.harvest("resume", false, "test");
            assertEquals(interrupted.id(), resumed.id(), "the same run, resumed");
            assertEquals(RunOutcome.COMPLETE, resumed.outcome(), resumed.reason());
            assertEquals(15, resumed.counts().pages);
            assertTrue(
                    server.listRequests() - requestsBefore <= 15 - pagesBefore + 1, "at most one page fetched again");
            TreeMap<String, String> records = fixture.sourceRecords("resume");
            assertEquals(300, records.size());
            assertEquals(300, resumed.counts().added);
            assertTrue(fixture.store.events(resumed.id()).stream()
                    .anyMatch(e -> e.kind().equals("resume")));
        }
    }

    @Test
    void anUnreachableRepositoryFailsTheRunAndSaysWhy() throws Exception {
        RunRecord run = fixture.harvester(
                        HarvestFixture.FAST, HarvestFixture.oai("gone", "http://127.0.0.1:9/oai", "marc21"))
                .harvest("gone", false, "test");
        assertEquals(RunOutcome.FAILED, run.outcome());
        assertTrue(run.reason().contains("gave up") && run.reason().contains("Identify"), run.reason());
        assertEquals(List.of(), List.copyOf(fixture.sourceRecords("gone").keySet()));
    }
}
