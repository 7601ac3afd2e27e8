package cn.edu.cashl.hub.admin.job;

import cn.edu.cashl.hub.admin.common.HarvestControl;
import cn.edu.cashl.hub.catalog.CatalogStore;
import cn.edu.cashl.hub.catalog.SourceRecordStatus;
import cn.edu.cashl.hub.harvest.schedule.HarvestScheduler;
import cn.edu.cashl.hub.ingest.StoredSourceReader;
import java.util.List;
import org.quartz.SchedulerException;

/**
 * Starts the admin's background work as runs of the sources, through the harvest scheduler, so that a
 * re-crosswalk never overlaps a harvest of the same source (on this node or, clustered, any other).
 */
public final class JobLauncher {

    private final Jobs jobs;
    private final HarvestControl control;
    private final CatalogStore store;

    public JobLauncher(Jobs jobs, HarvestControl control, CatalogStore store) {
        this.jobs = jobs;
        this.control = control;
        this.store = store;
    }

    /** This hub cannot run background work: it was started without the harvest scheduler. */
    public static final class NotHarvesting extends Exception {
        NotHarvesting() {
            super("this hub runs without the harvest scheduler: re-crosswalk with ./cashl-hub recrosswalk instead");
        }
    }

    /** Crosswalks the stored records of these sources again with the crosswalk now in use. */
    public Job recrosswalk(String crosswalk, int version, List<String> sources, String user)
            throws NotHarvesting, SchedulerException {
        HarvestScheduler scheduler = scheduler(sources);
        long total = sources.stream()
                .mapToLong(s -> StoredSourceReader.count(store, s, null))
                .sum();
        Job job = jobs.create(Job.RECROSSWALK, crosswalk, version, sources, user, total);
        for (String source : sources) {
            scheduler.recrosswalk(source);
        }
        return job;
    }

    /** Runs a source's quarantined records through the pipeline again (after a fix). */
    public Job retryQuarantined(String source, String user) throws NotHarvesting, SchedulerException {
        HarvestScheduler scheduler = scheduler(List.of(source));
        long total = StoredSourceReader.count(store, source, SourceRecordStatus.QUARANTINED);
        Job job = jobs.create(Job.RETRY, null, null, List.of(source), user, total);
        scheduler.retryQuarantined(source);
        return job;
    }

    private HarvestScheduler scheduler(List<String> sources) throws NotHarvesting {
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("a job works on one source at least");
        }
        return control.get().orElseThrow(NotHarvesting::new);
    }

    public Jobs jobs() {
        return jobs;
    }
}
