package cn.edu.cashl.hub.harvest.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.edu.cashl.hub.harvest.HarvestFixture;
import cn.edu.cashl.hub.harvest.Harvester;
import cn.edu.cashl.hub.harvest.RunCounts;
import cn.edu.cashl.hub.harvest.RunOutcome;
import cn.edu.cashl.hub.harvest.RunRecord;
import cn.edu.cashl.hub.source.Source;
import cn.edu.cashl.hub.testkit.oai.GeneratedFeed;
import cn.edu.cashl.hub.testkit.oai.OaiTestServer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartz.SchedulerException;

/**
 * What the admin does with the schedule: pause and resume (kept across a restart), schedule edits
 * and sources added at run time, and re-crosswalks and retries run as jobs of their source (any
 * source, a file source too), started again at start-up when one was interrupted.
 */
class SchedulerControlTest {

    private static final String NAME = "cashl-control-test";

    @Test
    void pausesSurviveARestartEditsRescheduleAndRecrosswalksRunAsJobsOfTheirSource(@TempDir Path dir) throws Exception {
        GeneratedFeed feed = new GeneratedFeed(10, 5, false, Instant.now().minus(1, ChronoUnit.DAYS));
        try (HarvestFixture fixture = new HarvestFixture(dir);
                OaiTestServer server = OaiTestServer.start(feed)) {
            Source ctl = source("ctl", server.baseUrl(), "0 0 3 * * ?", true);
            Source upload = Source.file("upload", "marc21").withNames("Uploads", null);
            Harvester harvester = fixture.harvester(HarvestFixture.FAST, ctl, upload);

            try (HarvestScheduler first =
                    HarvestScheduler.start(harvester, fixture.database, NAME, 2, Duration.ofMillis(500))) {
                await(fixture, "ctl", r -> r.trigger().equals("startup"));
                assertFalse(first.isPaused("ctl"));
                first.pause("ctl");
                assertTrue(first.isPaused("ctl"));
                assertTrue(first.nextRun("ctl").isPresent(), "paused, the trigger stays");

                // Paused, the source can still be harvested by hand.
                first.runNow("ctl", false);
                await(fixture, "ctl", r -> r.trigger().equals("manual"));

                // Re-crosswalks and retries go through the source's job, a file source's too; a file source is never
                // harvested.
                first.recrosswalk("ctl");
                RunRecord recrosswalk = await(fixture, "ctl", r -> r.trigger().equals("recrosswalk"));
                assertEquals(RunOutcome.COMPLETE, recrosswalk.outcome(), recrosswalk.reason());
                assertEquals(10, recrosswalk.counts().records());
                first.retryQuarantined("upload");
                RunRecord retry = await(fixture, "upload", r -> r.trigger().equals("retry"));
                assertEquals(RunOutcome.COMPLETE, retry.outcome(), retry.reason());
                assertEquals(0, retry.counts().records());
                SchedulerException refused =
                        assertThrows(SchedulerException.class, () -> first.runNow("upload", false));
                assertTrue(refused.getMessage().contains("not enabled for harvesting"), refused.getMessage());
                assertTrue(first.nextRun("upload").isEmpty());
            }

            // A re-crosswalk cut short by a stop is started again at the next start-up.
            Instant now = Instant.now();
            RunRecord cut = fixture.store.start("ctl", true, "recrosswalk", null, now);
            fixture.store.finish(
                    cut.id(), "ctl", RunOutcome.PARTIAL, Harvester.INTERRUPTED, new RunCounts(), null, now);

            try (HarvestScheduler second =
                    HarvestScheduler.start(harvester, fixture.database, NAME, 2, Duration.ofMillis(500))) {
                assertTrue(second.isPaused("ctl"), "the pause survived the restart");
                RunRecord again = await(fixture, "ctl", r -> r.trigger().equals("recrosswalk") && r.id() > cut.id());
                assertEquals(RunOutcome.COMPLETE, again.outcome(), again.reason());
                assertEquals(
                        1,
                        fixture.store.lastRuns("ctl", 20).stream()
                                .filter(r -> r.trigger().equals("startup"))
                                .count(),
                        "harvested to the end once: no start-up harvest again");

                // A new cron replaces the trigger; the pause stays.
                Source edited = source("ctl", server.baseUrl(), "0 30 4 * * ?", true);
                harvester.sources().put(edited);
                second.update(edited);
                assertTrue(second.isPaused("ctl"));
                assertEquals(
                        LocalTime.of(4, 30),
                        second.nextRun("ctl")
                                .orElseThrow()
                                .atZone(ZoneId.systemDefault())
                                .toLocalTime());
                second.resume("ctl");
                assertFalse(second.isPaused("ctl"));

                // Disabled: no trigger, no harvest, but its stored records still follow the crosswalks.
                Source disabled = source("ctl", server.baseUrl(), "0 30 4 * * ?", false);
                harvester.sources().put(disabled);
                second.update(disabled);
                assertTrue(second.nextRun("ctl").isEmpty());
                assertThrows(SchedulerException.class, () -> second.runNow("ctl", false));
                long before = fixture.store.lastRuns("ctl", 1).get(0).id();
                second.recrosswalk("ctl");
                assertEquals(
                        RunOutcome.COMPLETE,
                        await(fixture, "ctl", r -> r.trigger().equals("recrosswalk") && r.id() > before)
                                .outcome());

                // A source added at run time gets its schedule and can be harvested.
                Source added = source("late", server.baseUrl(), "0 0 5 * * ?", true);
                harvester.sources().put(added);
                second.update(added);
                assertEquals(
                        LocalTime.of(5, 0),
                        second.nextRun("late")
                                .orElseThrow()
                                .atZone(ZoneId.systemDefault())
                                .toLocalTime());
                second.runNow("late", false);
                assertEquals(
                        10,
                        await(fixture, "late", r -> r.trigger().equals("manual"))
                                .counts()
                                .added);
            }
        }
    }

    private static Source source(String id, String url, String cron, boolean enabled) {
        return Source.oaiPmh(id, url, "marc21")
                .withNames(id, null)
                .withSchedule(cron)
                .withEnabled(enabled);
    }

    /** The newest finished run of the source that matches, waiting for it. */
    private static RunRecord await(HarvestFixture fixture, String source, Predicate<RunRecord> wanted)
            throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            for (RunRecord run : fixture.store.lastRuns(source, 20)) {
                if (run.endedAt() != null && wanted.test(run)) {
                    return run;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no such run of " + source + ": " + fixture.store.lastRuns(source, 20));
    }
}
