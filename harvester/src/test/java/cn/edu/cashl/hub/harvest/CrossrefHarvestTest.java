package cn.edu.cashl.hub.harvest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.edu.cashl.hub.harvest.crossref.CrossrefTestServer;
import cn.edu.cashl.hub.harvest.crossref.CrossrefTestServer.Request;
import cn.edu.cashl.hub.harvest.crossref.WorksQuery;
import cn.edu.cashl.hub.ingest.RecordIds;
import cn.edu.cashl.hub.source.JournalListFiles;
import cn.edu.cashl.hub.source.Source;
import cn.edu.cashl.hub.source.SourcesException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Crossref source harvested over real HTTP from a loopback replay of Crossref's works route
 * ({@link CrossrefTestServer}: real works of the shared test data, the API's paging, faults on
 * demand), through the real ingest pipeline: two queries of a journal list walked page by page with
 * their cursors, the watermark and the next run's {@code from-update-date}, a 429 waited out, an
 * interrupted run resumed at its cursor, a cursor Crossref forgot, Crossref's refusal, and a journal
 * list that is not there.
 */
class CrossrefHarvestTest {

    private static final String MAILTO = "metadata@cashl.edu.cn";
    private static final String LIST = "test-journals";
    /** Two works a page: each query of the list (three works each) takes two pages and an empty one. */
    private static final HarvestSettings SETTINGS = HarvestFixture.FAST.withCrossrefRows(2);

    @TempDir
    Path dir;

    private CrossrefTestServer server;
    private HarvestFixture fixture;

    @BeforeEach
    void start() throws Exception {
        server = CrossrefTestServer.start(CrossrefTestServer.sharedWorks(), MAILTO);
        CrossrefTestServer.writeJournalList(dir, LIST);
        fixture = new HarvestFixture(dir);
    }

    @AfterEach
    void stop() {
        if (fixture != null) {
            fixture.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private Source source(String id) {
        return Source.crossref(id, server.url(), LIST, MAILTO).withNames("Crossref", null);
    }

    private Harvester harvester(String id) {
        return fixture.harvester(SETTINGS, source(id));
    }

    /** The list's two queries, as the harvest splits it. */
    private WorksQuery query(String id) {
        return WorksQuery.of(
                server.url(),
                JournalListFiles.inConfig(dir).find(LIST).orElseThrow(),
                null,
                2,
                source(id).mailto());
    }

    @Test
    void aFirstRunWalksEachQueryWithItsCursorsAndTheNextAsksForWhatChangedSinceItsDay() throws Exception {
        Harvester harvester = harvester("crossref");
        RunRecord first = harvester.harvest("crossref", false, "test");
        assertEquals(RunOutcome.COMPLETE, first.outcome(), first.reason());
        assertEquals(List.of(), server.problems());

        // Two queries (50 ISSNs, then 4), each: cursor *, then the next cursors, until an empty page.
        WorksQuery query = query("crossref");
        assertEquals(2, query.queries());
        List<Request> requests = server.requests();
        assertEquals(6, requests.size(), requests.toString());
        for (int q = 0; q < 2; q++) {
            List<Request> walk = requests.subList(3 * q, 3 * q + 3);
            assertEquals(query.issns(q), walk.get(0).issns());
            assertEquals("*", walk.get(0).cursor());
            for (Request request : walk) {
                assertEquals(query.issns(q), request.issns());
                assertEquals(2, request.rows());
                assertNull(request.fromUpdateDate(), "a first run asks for every work");
                assertEquals(200, request.status());
            }
            assertFalse(walk.get(1).cursor().equals("*")
                    || walk.get(2).cursor().equals(walk.get(1).cursor()));
        }
        assertEquals(4, first.counts().pages, "the empty pages that end the walks are not pages of works");
        assertEquals(6, first.counts().requests);
        assertEquals(6, first.counts().records(), first.counts().toString());
        assertEquals(6, first.counts().added);
        assertEquals(0, first.counts().quarantined, first.counts().toString());
        TreeMap<String, String> records = fixture.sourceRecords("crossref");
        assertEquals(6, records.size());
        assertTrue(
                records.containsKey(RecordIds.sourceRecordId("crossref", "10.7554/elife.01567")), records.toString());
        assertTrue(records.containsKey(RecordIds.sourceRecordId("crossref", "10.1007/978-3-319-53923-2")));
        LocalDate day = first.startedAt().atOffset(ZoneOffset.UTC).toLocalDate();
        assertEquals(day.toString(), first.watermarkAfter());
        assertEquals(day.toString(), fixture.store.watermark("crossref").orElseThrow());

        // One work deposited again since: the next run asks from the watermark's day, and gets it.
        server.deposit("10.1038/d41586-020-02761-z", day);
        int before = server.requests().size();
        RunRecord second = harvester.harvest("crossref", false, "test");
        assertEquals(RunOutcome.COMPLETE, second.outcome(), second.reason());
        List<Request> next = server.requests().subList(before, server.requests().size());
        assertTrue(next.stream().allMatch(r -> day.toString().equals(r.fromUpdateDate())), next.toString());
        assertEquals(1, second.counts().records(), second.counts().toString());
        // Only its deposit date changed, which the canonical record does not carry: the pipeline's call.
        assertEquals(
                1,
                second.counts().changed + second.counts().unchanged,
                second.counts().toString());
        assertEquals(0, second.counts().added);
        assertEquals(List.of(), server.problems());
    }

    @Test
    void a429IsWaitedOutAsItsRetryAfterSays() throws Exception {
        server.throttle(1, "1");
        RunRecord run = harvester("throttled").harvest("throttled", false, "test");
        assertEquals(RunOutcome.COMPLETE, run.outcome(), run.reason());
        assertEquals(429, server.requests().get(0).status());
        assertEquals(1, run.counts().retries);
        List<String> retries = fixture.events(run, "retry");
        assertTrue(retries.get(0).contains("HTTP 429") && retries.get(0).contains("1000 ms"), retries.toString());
        assertEquals(6, run.counts().records());
        assertEquals(List.of(), server.problems());
    }

    @Test
    void anInterruptedRunResumesAtItsCursorWithoutFetchingThePagesBefore() throws Exception {
        Harvester harvester = harvester("resumed");
        server.failFromPage(2);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread thread = new Thread(() -> {
            try {
                harvester.harvest("resumed", false, "test");
            } catch (Throwable e) {
                thrown.set(e);
            }
        });
        thread.start();
        // The second page keeps failing (503, Retry-After: 1): the hub stops while the run waits to try
        // again (once the retry is logged: an interrupt inside a write would close the H2 database).
        while (fixture.store
                .unfinished("resumed")
                .map(run -> fixture.events(run, "retry"))
                .orElse(List.of())
                .isEmpty()) {
            Thread.sleep(10);
        }
        thread.interrupt();
        thread.join(30_000);
        assertInstanceOf(InterruptedException.class, thrown.get());
        RunRecord interrupted = fixture.store.unfinished("resumed").orElseThrow();
        assertNotNull(interrupted.checkpoint());
        assertEquals(1, interrupted.counts().pages);
        assertEquals(2, interrupted.counts().records());
        String cursor = CrossrefHarvest.Position.parse(interrupted.checkpoint()).cursor();

        server.heal();
        int before = server.requests().size();
        RunRecord resumed = harvester.harvest("resumed", false, "test");
        assertEquals(interrupted.id(), resumed.id(), "the same run, resumed");
        assertEquals(RunOutcome.COMPLETE, resumed.outcome(), resumed.reason());
        List<Request> after =
                server.requests().subList(before, server.requests().size());
        assertEquals(cursor, after.get(0).cursor(), "the walk goes on at the checkpoint's cursor");
        WorksQuery query = query("resumed");
        assertEquals(1, server.firstPages(query.issns(0)).size(), "the first page is not fetched again");
        assertEquals(4, resumed.counts().pages);
        assertEquals(6, resumed.counts().records());
        assertEquals(6, fixture.sourceRecords("resumed").size());
        assertTrue(fixture.events(resumed, "resume").size() >= 2, "the run's log says where it resumed");
        assertEquals(List.of(), server.problems());
    }

    @Test
    void aCursorCrossrefForgotStartsItsQueryAgain() throws Exception {
        Harvester harvester = harvester("forgotten");
        // A run killed after the first page of the first query, hours ago: its cursor is long gone.
        RunRecord killed = fixture.store.start("forgotten", true, "schedule", null, java.time.Instant.now());
        RunCounts counts = new RunCounts();
        fixture.store.checkpoint(
                killed.id(),
                counts,
                new CrossrefHarvest.Position(query("forgotten").fingerprint(), 0, 2, "DXF1ZXJ5gone").toString(),
                null);
        RunRecord resumed = harvester.harvest("forgotten", false, "test");
        assertEquals(killed.id(), resumed.id());
        assertEquals(RunOutcome.COMPLETE, resumed.outcome(), resumed.reason());
        assertEquals(400, server.requests().get(0).status());
        assertEquals("*", server.requests().get(1).cursor());
        List<String> restarts = fixture.events(resumed, "restart");
        assertTrue(
                restarts.get(0).contains("no longer takes the cursor")
                        && restarts.get(0).contains("not valid"),
                restarts.toString());
        assertEquals(6, fixture.sourceRecords("forgotten").size());
    }

    @Test
    void crossrefsRefusalFailsTheRunWithWhatCrossrefSaid() throws Exception {
        server.refuse("Filter from-update-date specified but value 2026-13-01 is not a valid date");
        RunRecord run = harvester("refused").harvest("refused", false, "test");
        assertEquals(RunOutcome.FAILED, run.outcome());
        assertTrue(
                run.reason()
                        .startsWith("Crossref refused query 1 of 2, page 1 with HTTP 400: validation-failure: "
                                + "Filter from-update-date specified but value 2026-13-01 is not a valid date"),
                run.reason());
        assertFalse(run.reason().contains("Exception"), run.reason());
        assertTrue(fixture.store.watermark("refused").isEmpty());
    }

    @Test
    void aSourceWhoseJournalListIsNotThereFailsBeforeAnyRequest() throws Exception {
        Source unknown = Source.crossref("unknown", server.url(), "no-such-list", MAILTO);
        SourcesException e = assertThrows(
                SourcesException.class,
                () -> fixture.harvester(SETTINGS, unknown).harvest("unknown", false, "test"));
        assertTrue(e.getMessage().contains("'no-such-list', which does not exist"), e.getMessage());
        assertTrue(e.getMessage().contains("config/journals/no-such-list.tsv"), e.getMessage());
        assertEquals(List.of(), server.requests());
        assertTrue(fixture.store.lastRuns("unknown", 1).isEmpty(), "no run recorded");

        Source none = Source.crossref("none", server.url(), null, MAILTO);
        IllegalArgumentException invalid =
                assertThrows(IllegalArgumentException.class, () -> fixture.harvester(SETTINGS, none));
        assertTrue(invalid.getMessage().contains("a crossref source needs journals"), invalid.getMessage());
    }
}
