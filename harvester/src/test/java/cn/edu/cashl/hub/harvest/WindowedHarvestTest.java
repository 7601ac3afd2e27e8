package cn.edu.cashl.hub.harvest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.edu.cashl.hub.testkit.oai.Fault;
import cn.edu.cashl.hub.testkit.oai.GeneratedFeed;
import cn.edu.cashl.hub.testkit.oai.OaiTestServer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lists read in date windows, against a generated repository of 1,400 records (56 pages of 25)
 * filled over two years: what a lost resumption token costs, and what a repository that will not
 * take {@code until} gets. After every run the catalogue holds exactly the repository's records.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WindowedHarvestTest {

    static final int RECORDS = 1_400;
    static final int PAGE = 25;
    /** About eight pages a window. */
    static final HarvestSettings SETTINGS = HarvestFixture.FAST.withWindowRecords(200);

    private HarvestFixture fixture;
    private int cleanRequests;
    private int cleanPages;

    @BeforeAll
    void open(@TempDir Path dir) throws Exception {
        fixture = new HarvestFixture(dir);
        try (OaiTestServer server = OaiTestServer.start(feed())) {
            RunRecord run = harvest("clean", server);
            assertEquals(RunOutcome.COMPLETE, run.outcome(), run.reason());
            assertEquals(RECORDS, fixture.sourceRecords("clean").size());
            cleanRequests = server.listRequests();
            cleanPages = server.pagesServed();
            assertTrue(fixture.events(run, "window").size() > 4, "the list was read in windows");
        }
    }

    @AfterAll
    void close() {
        if (fixture != null) {
            fixture.close();
        }
    }

    static GeneratedFeed feed() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        return new GeneratedFeed(RECORDS, PAGE, false, now)
                .spread(now.minus(Duration.ofDays(730)), now.minusSeconds(60));
    }

    private RunRecord harvest(String source, OaiTestServer server) throws Exception {
        return fixture.harvester(SETTINGS, HarvestFixture.oai(source, server.baseUrl(), "marc21"))
                .harvest(source, false, "test");
    }

    /** Every record of the repository, once, accepted. */
    private void assertAllRecords(String source) {
        TreeMap<String, String> records = fixture.sourceRecords(source);
        assertEquals(RECORDS, records.size(), source);
        assertTrue(
                records.values().stream().allMatch("accepted"::equals),
                records.values().toString());
    }

    @Test
    void theCleanRunReadsEveryPageOnceAndAsksLittleMoreThanItsPages() {
        RunRecord run = fixture.store.lastRuns("clean", 1).get(0);
        List<String> windows = fixture.events(run, "window");
        long cut = windows.stream().filter(e -> e.contains("cut to")).count();
        long read = windows.stream().filter(e -> e.contains(" records in ")).count();
        // Each window may end on a short page, and a window cut before it was read costs its first page.
        assertTrue(
                cleanPages <= RECORDS / PAGE + read + cut,
                cleanPages + " pages for " + RECORDS / PAGE + " full ones, " + read + " windows, " + cut + " cut");
        assertTrue(cleanRequests <= cleanPages + 3, "a window without records now and then: " + cleanRequests);
    }

    @Test
    void aTransientBadTokenIsAskedForAgainAndCostsOnePage() throws Exception {
        try (OaiTestServer server = OaiTestServer.start(feed()).fault(8, Fault.BAD_RESUMPTION_TOKEN)) {
            RunRecord run = harvest("transient", server);
            assertEquals(RunOutcome.COMPLETE, run.outcome(), run.reason());
            System.out.printf(
                    "windowed harvest: transient bad token: %d requests, %d in a clean run%n",
                    server.listRequests(), cleanRequests);
            assertTrue(
                    server.listRequests() - cleanRequests <= 2,
                    "at most two pages fetched again: " + server.listRequests() + " requests, " + cleanRequests
                            + " in a clean run");
            List<String> retries = fixture.events(run, "retry");
            assertEquals(1, retries.size(), retries.toString());
            assertTrue(retries.get(0).contains("badResumptionToken"), retries.get(0));
            assertEquals(List.of(), fixture.events(run, "restart"));
            assertAllRecords("transient");
        }
    }

    @Test
    void aLostTokenRereadsOnlyItsWindow() throws Exception {
        try (OaiTestServer server = OaiTestServer.start(feed()).fault(36, Fault.LOST_RESUMPTION_TOKEN)) {
            RunRecord run = harvest("lost", server);
            assertEquals(RunOutcome.COMPLETE, run.outcome(), run.reason());
            List<String> restarts = fixture.events(run, "restart");
            assertEquals(1, restarts.size(), restarts.toString());
            assertTrue(restarts.get(0).contains("window"), restarts.get(0));
            int again = server.pagesServed() - cleanPages;
            System.out.printf(
                    "windowed harvest: lost token: %d pages read again, %d requests, %d in a clean run%n",
                    again, server.listRequests(), cleanRequests);
            // The pages of one window (about eight) at most, never the 29 pages read before it.
            assertTrue(again >= 1 && again <= 2 * SETTINGS.windowRecords() / PAGE, "pages read again: " + again);
            assertAllRecords("lost");
            assertEquals(RECORDS, run.counts().added);
        }
    }

    @Test
    void withoutWindowsALostTokenRestartsTheWholeList() throws Exception {
        try (OaiTestServer server = OaiTestServer.start(feed()).fault(36, Fault.LOST_RESUMPTION_TOKEN)) {
            RunRecord run = fixture.harvester(
                            SETTINGS.withWindowRecords(0), HarvestFixture.oai("whole", server.baseUrl(), "marc21"))
                    .harvest("whole", false, "test");
            assertEquals(RunOutcome.COMPLETE, run.outcome(), run.reason());
            int again = server.pagesServed() - RECORDS / PAGE;
            System.out.printf("windowed harvest: lost token without windows: %d pages read again%n", again);
            assertEquals(35, again, "every page before the lost token");
            assertTrue(fixture.events(run, "restart").get(0).contains("the list starts again"));
            assertAllRecords("whole");
        }
    }

    @Test
    void aRepositoryThatRejectsUntilIsReadWholeAndTheRunSaysSo() throws Exception {
        try (OaiTestServer server = OaiTestServer.start(feed().rejectingUntil())) {
            RunRecord run = harvest("nountil", server);
            assertEquals(RunOutcome.COMPLETE, run.outcome(), run.reason());
            List<String> notes = fixture.events(run, "note");
            assertTrue(notes.stream().anyMatch(n -> n.contains("rejects until")), notes.toString());
            assertEquals(RECORDS / PAGE, server.pagesServed(), "every page once");
            assertAllRecords("nountil");
        }
    }

    @Test
    void aRepositoryThatIgnoresUntilIsReadOnceAndTheRunSaysSo() throws Exception {
        try (OaiTestServer server = OaiTestServer.start(feed().ignoringUntil())) {
            RunRecord run = harvest("ignores", server);
            assertEquals(RunOutcome.COMPLETE, run.outcome(), run.reason());
            List<String> notes = fixture.events(run, "note");
            assertTrue(notes.stream().anyMatch(n -> n.contains("ignores until")), notes.toString());
            // The first page of the first window twice: it announced the whole repository, so the
            // window was cut once; the cut one announced as much, so it was read to the end.
            assertEquals(RECORDS / PAGE + 1, server.pagesServed(), "every page once, the first twice");
            assertAllRecords("ignores");
        }
    }

    @Test
    void anIncrementalRunIsOneWindowFromTheWatermark() throws Exception {
        GeneratedFeed feed = feed();
        try (OaiTestServer server = OaiTestServer.start(feed)) {
            RunRecord first = harvest("inc", server);
            assertEquals(RunOutcome.COMPLETE, first.outcome(), first.reason());
            feed.change(5);
            feed.change(1_000);
            int before = server.listRequests();
            RunRecord second = harvest("inc", server);
            assertEquals(RunOutcome.COMPLETE, second.outcome(), second.reason());
            assertEquals(1, server.listRequests() - before, server.listQueries().toString());
            assertEquals(2, second.counts().changed);
            assertAllRecords("inc");
        }
    }
}
