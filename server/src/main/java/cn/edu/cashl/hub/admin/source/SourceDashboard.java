package cn.edu.cashl.hub.admin.source;

import cn.edu.cashl.hub.admin.common.HarvestControl;
import cn.edu.cashl.hub.catalog.CatalogStore;
import cn.edu.cashl.hub.catalog.SourceRecordStatus;
import cn.edu.cashl.hub.harvest.HarvestStore;
import cn.edu.cashl.hub.harvest.RunOutcome;
import cn.edu.cashl.hub.harvest.RunRecord;
import cn.edu.cashl.hub.harvest.schedule.HarvestScheduler;
import cn.edu.cashl.hub.ingest.StoredSourceReader;
import cn.edu.cashl.hub.source.Licence;
import cn.edu.cashl.hub.source.Source;
import java.util.List;
import java.util.Optional;

/** Describes a source for the dashboard, from the scheduler, the recorded runs and the store. */
public final class SourceDashboard {

    private static final int LAST_RUNS = 5;

    private final HarvestStore harvests;
    private final HarvestControl control;
    private final CatalogStore store;

    public SourceDashboard(HarvestStore harvests, HarvestControl control, CatalogStore store) {
        this.harvests = harvests;
        this.control = control;
        this.store = store;
    }

    public SourceJson describe(Source source) {
        boolean paused = false;
        boolean running = false;
        SourceJson.NextRun next = null;
        Optional<HarvestScheduler> scheduler = control.get();
        if (scheduler.isPresent()) {
            paused = scheduler.get().isPaused(source.id());
            running = scheduler.get().isRunning(source.id());
            next = new SourceJson.NextRun(
                    paused
                            ? null
                            : scheduler
                                    .get()
                                    .nextRun(source.id())
                                    .map(Object::toString)
                                    .orElse(null));
        }
        List<RunRecord> last = harvests.lastRuns(source.id(), LAST_RUNS);
        Licence licence = source.licence();
        return new SourceJson(
                source.id(),
                source.type(),
                source.name(),
                source.nameZh(),
                source.url(),
                source.metadataPrefix(),
                source.format(),
                source.sets(),
                source.crosswalk(),
                source.holdingsField(),
                source.isEnabled(),
                source.schedule(),
                next,
                paused,
                running,
                harvests.watermark(source.id()).orElse(null),
                state(source, paused, running, last),
                new SourceJson.RecordCounts(
                        count(source, SourceRecordStatus.ACCEPTED),
                        count(source, SourceRecordStatus.FILTERED),
                        count(source, SourceRecordStatus.QUARANTINED)),
                RunJson.of(last, harvests.heldDeletions(source.id())),
                licence == null ? null : licence.packageName(),
                licence == null ? null : licence.libraries(),
                licence == null ? null : licence.openAccess(),
                licence == null ? null : licence.illElectronic(),
                licence == null || licence.proxy().isEmpty() ? null : licence.proxy(),
                source.lending().tier(),
                source.lending().illBaseUrl(),
                source.journals(),
                source.mailto());
    }

    private long count(Source source, SourceRecordStatus status) {
        return StoredSourceReader.count(store, source.id(), status);
    }

    private static String state(Source source, boolean paused, boolean running, List<RunRecord> last) {
        if (running || (!last.isEmpty() && last.get(0).outcome() == RunOutcome.RUNNING)) {
            return "running";
        }
        if (!source.isEnabled()) {
            return "disabled";
        }
        if (paused) {
            return "paused";
        }
        if (last.isEmpty()) {
            return "never";
        }
        RunOutcome outcome = last.get(0).outcome();
        return outcome == RunOutcome.COMPLETE ? "ok" : outcome.value();
    }
}
