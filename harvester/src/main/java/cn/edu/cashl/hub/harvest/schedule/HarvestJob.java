package cn.edu.cashl.hub.harvest.schedule;

import cn.edu.cashl.hub.harvest.Harvester;
import cn.edu.cashl.hub.source.SourcesException;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.InterruptableJob;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One harvest of one source (the job's name), scheduled or asked for. Quartz never runs two of one
 * source at once, in one hub or across a cluster. Interrupted (the hub stops), the run stays
 * resumable and the next one picks it up at its checkpoint.
 */
@DisallowConcurrentExecution
public final class HarvestJob implements InterruptableJob {

    static final String FULL = "full";
    static final String TRIGGER = "trigger";
    static final String HARVESTER = "harvester";

    private static final Logger LOG = LoggerFactory.getLogger(HarvestJob.class);

    private volatile Thread running;

    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
        String source = context.getJobDetail().getKey().getName();
        boolean full = context.getMergedJobDataMap().getBooleanValue(FULL);
        String trigger = context.getMergedJobDataMap().containsKey(TRIGGER)
                ? context.getMergedJobDataMap().getString(TRIGGER) : context.isRecovering() ? "recovery" : "schedule";
        running = Thread.currentThread();
        try {
            Harvester harvester = (Harvester) context.getScheduler().getContext().get(HARVESTER);
            harvester.harvest(source, full, trigger);
        } catch (InterruptedException e) {
            LOG.info("harvest of {} interrupted; it resumes at its checkpoint next time", source);
        } catch (SourcesException | SchedulerException e) {
            throw new JobExecutionException("harvest of " + source + ": " + e.getMessage(), e);
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
