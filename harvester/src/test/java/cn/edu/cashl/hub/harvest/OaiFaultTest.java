package cn.edu.cashl.hub.harvest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.edu.cashl.hub.testkit.TestData;
import cn.edu.cashl.hub.testkit.oai.Fault;
import cn.edu.cashl.hub.testkit.oai.OaiTestServer;
import cn.edu.cashl.hub.testkit.oai.ReplayFeed;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Harvests of a real repository's captured responses (MLA Humanities Commons, 13 pages of oai_dc,
 * 319 records) replayed by a loopback server, with one fault injected per run. After each run the
 * catalogue must hold exactly the records of a clean harvest: nothing lost, nothing duplicated.
 * Each test harvests under its own source id, so that one catalogue store serves the whole class.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OaiFaultTest {

    static final int PAGES = 13;
    static final int RECORDS = 319;
    static final String IDENTIFY_DATE = "2014-04-01T09:21:52Z";

    private HarvestFixture fixture;
    private TreeMap<String, String> clean;
    private final AtomicInteger sources = new AtomicInteger();

    @BeforeAll
    void open(@TempDir Path dir) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(TestData.available(), "the shared test data is absent");
        fixture = new HarvestFixture(dir);
        try (OaiTestServer server = OaiTestServer.start(feed())) {
            RunRecord run = harvest(server, "clean");
            assertEquals(RunOutcome.COMPLETE, run.outcome(), run.reason());
            clean = renamed(fixture.sourceRecords("clean"), "clean");
        }
    }

    @AfterAll
    void close() {
        if (fixture != null) {
            fixture.close();
        }
    }

    static ReplayFeed feed() {
        List<Path> pages = new ArrayList<>();
        for (int i = 0; i < PAGES; i++) {
            pages.add(TestData.file(String.format("oai/scrapi-vcr/mla__%02d.xml", i)));
        }
        return new ReplayFeed(TestData.file("oai/clarin-cmdi/response-Identify.xml"), pages);
    }

    private RunRecord harvest(OaiTestServer server, String source) throws Exception {
        return fixture.harvester(HarvestFixture.FAST, HarvestFixture.oai(source, server.baseUrl(), "oai_dc"))
                .harvest(source, false, "test");
    }

    /** The records with the source id taken out of their ids, to compare sources. */
    private static TreeMap<String, String> renamed(TreeMap<String, String> records, String source) {
        TreeMap<String, String> result = new TreeMap<>();
        records.forEach((id, status) -> result.put(id.substring(source.length()), status));
        return result;
    }

    /** The source's records are those of the clean harvest: same ids, same statuses; the differences if not. */
    private void assertSameRecords(String source) {
        TreeMap<String, String> actual = renamed(fixture.sourceRecords(source), source);
        if (!clean.equals(actual)) {
            List<String> differences = new ArrayList<>();
            clean.forEach((id, status) -> {
                if (!status.equals(actual.get(id))) {
                    differences.add(id + ": " + status + " in the clean harvest, " + actual.get(id) + " here");
                }
            });
            actual.keySet().stream()
                    .filter(id -> !clean.containsKey(id))
                    .forEach(id -> differences.add(id + ": only here"));
            throw new AssertionError(source + " differs from the clean harvest: " + differences);
        }
    }

    @Test
    void aCleanHarvestTakesEveryRecordOfEveryPageAndSetsTheWatermark() {
        RunRecord run = fixture.store.lastRuns("clean", 1).get(0);
        assertEquals(PAGES, run.counts().pages);
        assertEquals(RECORDS, run.counts().records());
        assertEquals(RECORDS, run.counts().added);
        assertEquals(RECORDS, clean.size());
        assertEquals(IDENTIFY_DATE, run.watermarkAfter());
        assertEquals(IDENTIFY_DATE, fixture.store.watermark("clean").orElseThrow());
        assertTrue(fixture.mastersOf("clean") > 0);
    }

    /** Faults a real network and real providers produce, each survived by retrying. */
    @ParameterizedTest
    @EnumSource(
            value = Fault.class,
            names = {
                "UNAVAILABLE_RETRY_AFTER_SECONDS",
                "UNAVAILABLE_RETRY_AFTER_DATE",
                "TOO_MANY_REQUESTS",
                "SERVER_ERROR",
                "STALL",
                "DROP_CONNECTION",
                "TRUNCATED_PAGE"
            })
    void aTransientFaultIsRetriedAndTheHarvestCompletesWithNothingLostOrDuplicated(Fault fault) throws Exception {
        String source = "t" + sources.incrementAndGet();
        try (OaiTestServer server = OaiTestServer.start(feed()).fault(5, fault).stallMillis(2500)) {
            RunRecord run = harvest(server, source);
            assertEquals(RunOutcome.COMPLETE, run.outcome(), run.reason());
            assertEquals(1, run.counts().retries, "one retry for " + fault);
            assertEquals(PAGES + 1, server.listRequests(), "the faulty page asked for again, and only that");
            assertSameRecords(source);
            assertEquals(RECORDS, run.counts().records());
            assertEquals(1, fixture.events(run, "retry").size());
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = Fault.class,
            names = {"UNANNOUNCED_GZIP", "DEFLATE"})
    void compressedPagesAreReadWhetherAnnouncedOrNot(Fault fault) throws Exception {
        String source = "z" + sources.incrementAndGet();
        try (OaiTestServer server = OaiTestServer.start(feed()).fault(2, fault).fault(7, fault)) {
            RunRecord run = harvest(server, source);
            assertEquals(RunOutcome.COMPLETE, run.outcome(), run.reason());
            assertEquals(0, run.counts().retries);
            assertSameRecords(source);
        }
    }

    @Test
    void invalidCharactersAreRepairedAndEveryRepairIsLoggedWithItsRecord() throws Exception {
        String source = "chars";
        try (OaiTestServer server = OaiTestServer.start(feed()).fault(3, Fault.INVALID_CHARACTERS)) {
            RunRecord run = harvest(server, source);
            assertEquals(RunOutcome.COMPLETE, run.outcome(), run.reason());
            assertEquals(2, run.counts().repairs);
            List<String> repairs = fixture.events(run, "repair");
            assertEquals(2, repairs.size());
            for (String repair : repairs) {
                assertTrue(repair.startsWith("ListRecords page 3, record 1 (https://commons.mla.org/"), repair);
            }
            assertTrue(repairs.stream().anyMatch(r -> r.contains("U+0007")), repairs.toString());
            assertTrue(repairs.stream().anyMatch(r -> r.contains("0xC3")), repairs.toString());
            assertSameRecords(source);
        }
    }

    @Test
    void aBadResumptionTokenIsAskedForOnceMoreBeforeAnythingIsReadAgain() throws Exception {
        String source = "badtoken";
        try (OaiTestServer server = OaiTestServer.start(feed()).fault(6, Fault.BAD_RESUMPTION_TOKEN)) {
            RunRecord run = harvest(server, source);
            assertEquals(RunOutcome.COMPLETE, run.outcome(), run.reason());
            assertEquals(List.of(), fixture.events(run, "restart"), "nothing read again");
            assertEquals(1, fixture.events(run, "retry").size());
            assertEquals(PAGES + 1, server.listRequests(), "the refused token asked for once more, and only that");
            assertSameRecords(source);
            assertEquals(RECORDS, run.counts().added);
            assertEquals(0, run.counts().unchanged);
        }
    }

    @Test
    void aRepeatedTokenEndsTheRunPartialAndLeavesTheWatermark() throws Exception {
        String source = "loop";
        try (OaiTestServer server = OaiTestServer.start(feed()).fault(4, Fault.REPEATED_TOKEN)) {
            RunRecord run = harvest(server, source);
            assertEquals(RunOutcome.PARTIAL, run.outcome());
            assertTrue(run.reason().contains("repeats the resumption token"), run.reason());
            assertNull(run.watermarkAfter());
            assertFalse(fixture.store.watermark(source).isPresent());
            assertEquals(4 * 25, fixture.sourceRecords(source).size(), "what was harvested stays");
        }
    }

    @Test
    void aServerThatKeepsFailingEndsTheRunPartialAndTheNextRunCompletesIt() throws Exception {
        String source = "down";
        try (OaiTestServer server = OaiTestServer.start(feed())) {
            for (int n = 3; n <= 6; n++) {
                server.fault(n, Fault.SERVER_ERROR);
            }
            RunRecord failed = harvest(server, source);
            assertEquals(RunOutcome.PARTIAL, failed.outcome());
            assertTrue(
                    failed.reason().contains("after 4 attempts")
                            && failed.reason().contains("HTTP 500"),
                    failed.reason());
            assertEquals(3, failed.counts().retries);
            assertFalse(fixture.store.watermark(source).isPresent());

            RunRecord next = harvest(server, source);
            assertEquals(RunOutcome.COMPLETE, next.outcome(), next.reason());
            assertSameRecords(source);
            assertEquals(IDENTIFY_DATE, fixture.store.watermark(source).orElseThrow());
        }
    }
}
