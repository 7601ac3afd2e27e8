package cn.edu.cashl.hub.harvest.schedule;

import cn.edu.cashl.hub.harvest.Harvester;
import cn.edu.cashl.hub.harvest.RunMode;
import cn.edu.cashl.hub.source.SourcesException;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.InterruptableJob;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of one source (the job's name), scheduled or asked for: a harvest, or a re-crosswalk or
 * retry of its stored records (the {@code mode} in the trigger's data). Quartz never runs two of one
 * source at once, in one hub or across a cluster, so a re-crosswalk never overlaps a harvest.
 * Interrupted (the hub stops), a harvest stays resumable and the next one picks it up at its
 * checkpoint; a re-crosswalk ends partial and is started again at the next start-up.
 */
@DisallowConcurrentExecution
public final class HarvestJob implements InterruptableJob {

    static final String FULL = "full";
    /** A harvest whose full dump may retire more than the deletion guard allows: an admin confirmed it. */
    static final String CONFIRM_DELETIONS = "confirmDeletions";

    static final String TRIGGER = "trigger";
    static final String HARVESTER = "harvester";
    /** {@link RunMode#value()}: harvest (the default), recrosswalk or retry. */
    static final String MODE = "mode";
    /** In the job's own data: the source's schedule is paused (kept across restarts and edits). */
    static final String PAUSED = "paused";

    private static final Logger LOG = LoggerFactory.getLogger(HarvestJob.class);

    private volatile Thread running;

    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
        String source = context.getJobDetail().getKey().getName();
        boolean full = context.getMergedJobDataMap().containsKey(FULL)
                && context.getMergedJobDataMap().getBooleanValue(FULL);
        boolean confirmDeletions = context.getMergedJobDataMap().containsKey(CONFIRM_DELETIONS)
                && context.getMergedJobDataMap().getBooleanValue(CONFIRM_DELETIONS);
        RunMode mode = RunMode.of(
                context.getMergedJobDataMap().containsKey(MODE)
                        ? context.getMergedJobDataMap().getString(MODE)
                        : null);
        String trigger = context.getMergedJobDataMap().containsKey(TRIGGER)
                ? context.getMergedJobDataMap().getString(TRIGGER)
                : context.isRecovering() ? "recovery" : "schedule";
        running = Thread.currentThread();
        try {
            Harvester harvester =
                    (Harvester) context.getScheduler().getContext().get(HARVESTER);
            switch (mode) {
                case HARVEST -> harvester.harvest(source, full, confirmDeletions, trigger);
                case RECROSSWALK -> harvester.recrosswalk(source, trigger);
                case RETRY -> harvester.retryQuarantined(source, trigger);
            }
        } catch (InterruptedException e) {
            if (mode == RunMode.HARVEST) {
                LOG.info("harvest of {} interrupted; it resumes at its checkpoint next time", source);
            } else {
                LOG.info("{} of {} interrupted; it starts again at the next start-up", mode.value(), source);
            }
        } catch (SourcesException | SchedulerException e) {
            throw new JobExecutionException(mode.value() + " of " + source + ": " + e.getMessage(), e);
        } finally {
            running = null;
            Thread.interrupted();
        }
    }

    @Override
    public void interrupt() {
        Thread thread = running;
        if (thread != null) {
            thread.interrupt();
        }
    }
}
