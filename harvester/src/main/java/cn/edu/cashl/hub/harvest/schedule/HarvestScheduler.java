package cn.edu.cashl.hub.harvest.schedule;

import cn.edu.cashl.hub.harvest.Harvester;
import cn.edu.cashl.hub.harvest.RunMode;
import cn.edu.cashl.hub.harvest.RunOutcome;
import cn.edu.cashl.hub.harvest.RunRecord;
import cn.edu.cashl.hub.source.Source;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.quartz.CronExpression;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.JobBuilder;
import org.quartz.JobDataMap;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When each source runs: the harvest policy, on a Quartz scheduler ({@link QuartzSetup}) whose job
 * store is in the operational database, so that schedules and pauses survive restarts and a run
 * missed while the hub was down fires once at start-up.
 *
 * <ul>
 * <li>One durable job per source, through which all its runs go: harvests, re-crosswalks and
 *     retries, so that two never overlap. An enabled harvested source with a {@code schedule} has a
 *     cron trigger, set from the sources at every start and by {@link #update} (a changed cron
 *     replaces the trigger; a source disabled loses it; a source removed loses its job).</li>
 * <li>A source's schedule can be paused and resumed; the pause is kept in the job store.</li>
 * <li>At start-up, a source never harvested to the end, or whose harvest was interrupted, is
 *     harvested at once, so that a fresh hub has data and an interrupted harvest resumes; a
 *     re-crosswalk or retry that did not end starts again.</li>
 * <li>Manual runs go through the same job, so they never overlap a scheduled one.</li>
 * </ul>
 */
public final class HarvestScheduler implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HarvestScheduler.class);
    private static final String GROUP = "harvest";
    /** Runs of a source looked at for an unfinished re-crosswalk at start-up. */
    private static final int RECENT_RUNS = 50;

    private final Scheduler scheduler;
    private final Harvester harvester;

    private HarvestScheduler(Scheduler scheduler, Harvester harvester) {
        this.scheduler = scheduler;
        this.harvester = harvester;
    }

    /**
     * Starts the scheduler.
     *
     * @param data     the operational database, migrated ({@link cn.edu.cashl.hub.db.Database#open} does)
     * @param name     the scheduler's name: the same on every node of a cluster
     * @param threads  harvests that may run at once (of different sources)
     */
    public static HarvestScheduler start(Harvester harvester, DataSource data, String name, int threads)
            throws SchedulerException {
        return start(harvester, data, name, threads, Duration.ofMinutes(1));
    }

    /** @param misfireThreshold how late a fire time may be before it counts as missed (and fires once at start-up) */
    public static HarvestScheduler start(
            Harvester harvester, DataSource data, String name, int threads, Duration misfireThreshold)
            throws SchedulerException {
        Scheduler scheduler = QuartzSetup.scheduler(data, name, threads, misfireThreshold);
        scheduler.getContext().put(HarvestJob.HARVESTER, harvester);
        HarvestScheduler schedules = new HarvestScheduler(scheduler, harvester);
        schedules.synchronise();
        scheduler.start();
        schedules.catchUp();
        return schedules;
    }

    /** Makes the jobs and triggers match the sources and their crons; a source no longer listed loses its job. */
    private void synchronise() throws SchedulerException {
        Set<JobKey> wanted = new HashSet<>();
        for (Source source : harvester.sources().all()) {
            wanted.add(define(source));
        }
        for (JobKey job : scheduler.getJobKeys(GroupMatcher.jobGroupEquals(GROUP))) {
            if (!wanted.contains(job)) {
                scheduler.deleteJob(job);
            }
        }
    }

    /** Whether the source is harvested, on its schedule or by hand. */
    private static boolean harvestable(Source source) {
        return source.isEnabled() && source.type().harvested();
    }

    /**
     * Makes one source's job and trigger match its definition: a durable job for every source (its
     * re-crosswalks and retries go through it too), a cron trigger only for an enabled harvested
     * source with a schedule. A pause is kept.
     */
    private JobKey define(Source source) throws SchedulerException {
        JobKey job = JobKey.jobKey(source.id(), GROUP);
        JobDetail existing = scheduler.getJobDetail(job);
        boolean paused = existing != null && isPaused(existing);
        JobDataMap data = new JobDataMap();
        if (paused) {
            data.put(HarvestJob.PAUSED, true);
        }
        scheduler.addJob(
                JobBuilder.newJob(HarvestJob.class)
                        .withIdentity(job)
                        .storeDurably()
                        .requestRecovery()
                        .withDescription("runs of " + source.id())
                        .usingJobData(data)
                        .build(),
                true);
        TriggerKey key = TriggerKey.triggerKey(source.id(), GROUP);
        Trigger current = scheduler.getTrigger(key);
        if (!harvestable(source)
                || source.schedule() == null
                || source.schedule().isBlank()) {
            if (current != null) {
                scheduler.unscheduleJob(key);
            }
            return job;
        }
        if (!(current instanceof CronTrigger cron && cron.getCronExpression().equals(source.schedule()))) {
            // A trigger kept as it is lets Quartz see the runs it missed; a new cron needs a new one.
            CronTrigger trigger;
            try {
                trigger = TriggerBuilder.newTrigger()
                        .withIdentity(key)
                        .forJob(job)
                        .withSchedule(CronScheduleBuilder.cronSchedule(source.schedule())
                                .withMisfireHandlingInstructionFireAndProceed())
                        .build();
            } catch (RuntimeException e) {
                throw new SchedulerException(
                        "source " + source.id() + ": schedule '" + source.schedule() + "': " + e.getMessage(), e);
            }
            if (current == null) {
                scheduler.scheduleJob(trigger);
            } else {
                scheduler.rescheduleJob(key, trigger);
            }
        }
        if (paused && scheduler.getTriggerState(key) != Trigger.TriggerState.PAUSED) {
            scheduler.pauseTrigger(key);
        }
        return job;
    }

    private static boolean isPaused(JobDetail job) {
        Object paused = job.getJobDataMap().get(HarvestJob.PAUSED);
        return Boolean.TRUE.equals(paused) || "true".equals(paused);
    }

    /**
     * At start-up: harvests at once the sources never harvested to the end and those left
     * interrupted, and starts again a re-crosswalk or retry that did not end (interrupted by a
     * stop, or left running by a hub that died).
     */
    private void catchUp() throws SchedulerException {
        for (Source source : harvester.sources().all()) {
            String id = source.id();
            if (harvestable(source)) {
                boolean interrupted = harvester.store().unfinishedRuns(id).stream()
                        .anyMatch(r -> !RunMode.of(r).rereads());
                if (interrupted || !harvester.store().everHarvested(id)) {
                    trigger(id, RunMode.HARVEST, false, interrupted ? "resume" : "startup");
                }
            }
            RunMode again = unfinishedReread(id);
            if (again != null) {
                LOG.info("{}: its last {} did not end; it starts again", id, again.value());
                trigger(id, again, true, "resume");
            }
        }
    }

    /**
     * The re-crosswalk (or, failing that, the retry) of the source whose last run did not end:
     * running (the hub died) or ended interrupted. A re-crosswalk covers a retry.
     */
    private RunMode unfinishedReread(String source) {
        Map<RunMode, RunRecord> last = new EnumMap<>(RunMode.class);
        for (RunRecord run : harvester.store().lastRuns(source, RECENT_RUNS)) {
            last.putIfAbsent(RunMode.of(run), run); // newest first
        }
        for (RunMode mode : new RunMode[] {RunMode.RECROSSWALK, RunMode.RETRY}) {
            RunRecord run = last.get(mode);
            if (run != null
                    && (run.outcome() == RunOutcome.RUNNING
                            || (run.outcome() == RunOutcome.PARTIAL && Harvester.INTERRUPTED.equals(run.reason())))) {
                return mode;
            }
        }
        return null;
    }

    /**
     * Harvests a source now (after its current run, if one is going). A manual run is possible while
     * the source's schedule is paused.
     *
     * @throws SchedulerException for an unknown source, a disabled one, or a {@code file} source
     */
    public void runNow(String source, boolean full) throws SchedulerException {
        runNow(source, full, false);
    }

    /**
     * As {@link #runNow(String, boolean)}; with {@code confirmDeletions} a full CALIS dump in the run
     * may retire more of the source's records than the deletion guard allows (an admin's
     * confirmation, after the guard stopped a run).
     */
    public void runNow(String source, boolean full, boolean confirmDeletions) throws SchedulerException {
        Source known = harvester.sources().get(source).orElse(null);
        if (known == null || !harvestable(known)) {
            throw new SchedulerException("source " + source + " is not enabled for harvesting"
                    + (known == null
                            ? " (no such source)"
                            : !known.type().harvested()
                                    ? " (a file source: its records are imported)"
                                    : " (disabled)"));
        }
        trigger(source, RunMode.HARVEST, full, confirmDeletions, "manual");
    }

    /**
     * Crosswalks the source's stored records again with the crosswalks now in use, as a run of the
     * source (after its current run, if one is going, never beside a harvest of it). Any source:
     * disabled and {@code file} sources too.
     */
    public void recrosswalk(String source) throws SchedulerException {
        trigger(source, RunMode.RECROSSWALK, true, "manual");
    }

    /** Runs the source's quarantined records through the pipeline again, as {@link #recrosswalk} does all. */
    public void retryQuarantined(String source) throws SchedulerException {
        trigger(source, RunMode.RETRY, true, "manual");
    }

    private void trigger(String source, RunMode mode, boolean full, String kind) throws SchedulerException {
        trigger(source, mode, full, false, kind);
    }

    private void trigger(String source, RunMode mode, boolean full, boolean confirmDeletions, String kind)
            throws SchedulerException {
        JobKey job = JobKey.jobKey(source, GROUP);
        if (!scheduler.checkExists(job)) {
            Source known =
                    harvester.sources().get(source).orElseThrow(() -> new SchedulerException("no source " + source));
            define(known);
        }
        JobDataMap data = new JobDataMap();
        data.put(HarvestJob.FULL, full);
        data.put(HarvestJob.CONFIRM_DELETIONS, confirmDeletions);
        data.put(HarvestJob.TRIGGER, kind);
        data.put(HarvestJob.MODE, mode.value());
        scheduler.triggerJob(job, data);
    }

    /**
     * Pauses the source's schedule: it is not harvested on schedule until {@link #resume}, on this
     * node or any other, across restarts (the pause is in Quartz's JDBC store). A manual run, a
     * re-crosswalk and a retry stay possible.
     */
    public void pause(String source) throws SchedulerException {
        setPaused(source, true);
        TriggerKey key = TriggerKey.triggerKey(source, GROUP);
        if (scheduler.checkExists(key)) {
            scheduler.pauseTrigger(key);
        }
    }

    /**
     * Resumes the source's schedule. When a fire time passed during the pause, Quartz runs the
     * harvest once at once (as for a run missed while the hub was down).
     */
    public void resume(String source) throws SchedulerException {
        setPaused(source, false);
        TriggerKey key = TriggerKey.triggerKey(source, GROUP);
        if (scheduler.checkExists(key)) {
            scheduler.resumeTrigger(key);
        }
    }

    /** Whether the source's schedule is paused. */
    public boolean isPaused(String source) {
        try {
            JobDetail job = scheduler.getJobDetail(JobKey.jobKey(source, GROUP));
            if (job == null) {
                return false;
            }
            return isPaused(job)
                    || scheduler.getTriggerState(TriggerKey.triggerKey(source, GROUP)) == Trigger.TriggerState.PAUSED;
        } catch (SchedulerException e) {
            return false;
        }
    }

    private void setPaused(String source, boolean paused) throws SchedulerException {
        JobKey key = JobKey.jobKey(source, GROUP);
        JobDetail job = scheduler.getJobDetail(key);
        if (job == null) {
            Source known =
                    harvester.sources().get(source).orElseThrow(() -> new SchedulerException("no source " + source));
            define(known);
            job = scheduler.getJobDetail(key);
        }
        JobDataMap data = new JobDataMap(job.getJobDataMap());
        if (paused) {
            data.put(HarvestJob.PAUSED, true);
        } else {
            data.remove(HarvestJob.PAUSED);
        }
        scheduler.addJob(job.getJobBuilder().setJobData(data).build(), true);
    }

    /**
     * Makes the source's job and trigger follow a source added or edited at run time (call it after
     * {@link cn.edu.cashl.hub.source.Sources#put}): a new cron replaces the trigger, a source
     * disabled (or made a {@code file} source) loses it, one enabled gets it. A pause is kept.
     */
    public void update(Source source) throws SchedulerException {
        define(source);
    }

    /** When the source's schedule fires next, if it has one. */
    public Optional<Instant> nextRun(String source) {
        try {
            Trigger trigger = scheduler.getTrigger(TriggerKey.triggerKey(source, GROUP));
            return trigger == null || trigger.getNextFireTime() == null
                    ? Optional.empty()
                    : Optional.of(trigger.getNextFireTime().toInstant());
        } catch (SchedulerException e) {
            return Optional.empty();
        }
    }

    /** Whether a harvest of the source is running in this hub now. */
    public boolean isRunning(String source) {
        try {
            return scheduler.getCurrentlyExecutingJobs().stream()
                    .anyMatch(c -> c.getJobDetail().getKey().getName().equals(source));
        } catch (SchedulerException e) {
            return false;
        }
    }

    /** Whether a cron expression is valid, with Quartz's reason if not. */
    public static Optional<String> checkCron(String cron) {
        try {
            CronExpression.validateExpression(cron);
            return Optional.empty();
        } catch (ParseException e) {
            return Optional.of(e.getMessage());
        }
    }

    /**
     * Stops the scheduler: running harvests are interrupted at their next page and stay resumable;
     * waits for them to let go.
     */
    @Override
    public void close() {
        try {
            QuartzShutdown.stop(scheduler, Duration.ofSeconds(3));
        } catch (SchedulerException e) {
            LOG.warn("stopping the harvest scheduler failed: {}", e.getMessage());
        }
    }
}
