package cn.edu.cashl.hub.harvest.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.edu.cashl.hub.harvest.HarvestFixture;
import cn.edu.cashl.hub.harvest.Harvester;
import cn.edu.cashl.hub.harvest.RunOutcome;
import cn.edu.cashl.hub.harvest.RunRecord;
import cn.edu.cashl.hub.source.Source;
import cn.edu.cashl.hub.testkit.oai.GeneratedFeed;
import cn.edu.cashl.hub.testkit.oai.OaiTestServer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Quartz schedule with its JDBC store: what survives a restart, and the run missed meanwhile. */
class HarvestSchedulerTest {

    @Test
    void theScheduleSurvivesARestartAndARunMissedMeanwhileRunsOnceAtStartUp(@TempDir Path dir) throws Exception {
        GeneratedFeed feed = new GeneratedFeed(10, 5, false, Instant.now().minus(1, ChronoUnit.DAYS));
        try (HarvestFixture fixture = new HarvestFixture(dir);
                OaiTestServer server = OaiTestServer.start(feed)) {
            // Three fire times, 6 to 8 s from now, then none for the next 50 s: all inside the downtime.
            Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            int s = t0.atOffset(ZoneOffset.UTC).getSecond();
            String cron = ((s + 6) % 60) + "," + ((s + 7) % 60) + "," + ((s + 8) % 60) + " * * * * ?";
            Source source = Source.oaiPmh("sched", server.baseUrl(), "marc21")
                    .withNames("Scheduled", null)
                    .withSchedule(cron);
            Harvester harvester = fixture.harvester(HarvestFixture.FAST, source);

            try (HarvestScheduler first =
                    HarvestScheduler.start(harvester, fixture.database, "cashl-test", 2, Duration.ofMillis(500))) {
                // Never harvested: the first start harvests at once.
                awaitRuns(fixture, 1, Duration.ofSeconds(20));
                assertEquals(
                        "startup", fixture.store.lastRuns("sched", 1).get(0).trigger());
                assertTrue(Instant.now().isBefore(t0.plusSeconds(6)), "the first run ended before the scheduled times");
            }
            while (Instant.now().isBefore(t0.plusSeconds(10))) {
                Thread.sleep(100);
            }
            Instant restart = Instant.now();
            try (HarvestScheduler second =
                    HarvestScheduler.start(harvester, fixture.database, "cashl-test", 2, Duration.ofMillis(500))) {
                assertTrue(second.nextRun("sched").isPresent(), "the trigger survived the restart");
                awaitRuns(fixture, 2, Duration.ofSeconds(20));
                Thread.sleep(3000);
                List<RunRecord> runs = fixture.store.lastRuns("sched", 10);
                assertEquals(2, runs.size(), "three missed fire times, one run: " + runs);
                RunRecord missed = runs.get(0);
                assertEquals("schedule", missed.trigger());
                assertTrue(!missed.startedAt().isBefore(restart), "ran after the restart");
                assertEquals(RunOutcome.COMPLETE, missed.outcome(), missed.reason());
                assertTrue(second.nextRun("sched")
                        .orElseThrow()
                        .isAfter(Instant.now().plusSeconds(30)));

                // Manual runs go through the same job: never two of one source at once.
                second.runNow("sched", false);
                second.runNow("sched", true);
                awaitRuns(fixture, 4, Duration.ofSeconds(30));
                List<RunRecord> all = fixture.store.lastRuns("sched", 10);
                for (int i = 0; i + 1 < all.size(); i++) {
                    RunRecord later = all.get(i);
                    RunRecord earlier = all.get(i + 1);
                    assertTrue(
                            !later.startedAt().isBefore(earlier.endedAt()),
                            "runs " + earlier.id() + " and " + later.id() + " overlap");
                }
                assertTrue(all.get(0).full() || all.get(1).full());
            }
        }
    }

    private static void awaitRuns(HarvestFixture fixture, int count, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            List<RunRecord> runs = fixture.store.lastRuns("sched", count + 1);
            if (runs.size() >= count && runs.stream().allMatch(r -> r.endedAt() != null)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("expected " + count + " finished runs, have " + fixture.store.lastRuns("sched", 10));
    }
}
