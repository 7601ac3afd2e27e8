package cn.edu.cashl.hub.harvest;

import cn.edu.cashl.hub.catalog.SourceRecordStatus;
import cn.edu.cashl.hub.harvest.oai.HarvestFault;
import cn.edu.cashl.hub.ingest.IngestPipeline;
import cn.edu.cashl.hub.ingest.StoredSourceReader;
import cn.edu.cashl.hub.ingest.read.RawRecord;
import cn.edu.cashl.hub.source.JournalLists;
import cn.edu.cashl.hub.source.Source;
import cn.edu.cashl.hub.source.Sources;
import cn.edu.cashl.hub.source.SourcesException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs harvests: one call, one run of one source, recorded from start to outcome.
 *
 * <p>A run left {@code running} by a hub that stopped or died is resumed from its checkpoint by
 * the next run of its source, with its counts and its first responseDate. The outcome decides the
 * watermark: only a {@code complete} run moves it, in the same transaction that records the end.
 * Callers make sure one source never has two runs at once (Quartz's
 * {@code @DisallowConcurrentExecution}, the data-directory lock for the command line).
 *
 * <p>A source's stored records can also be run through the crosswalks now in use again, as runs
 * of the source ({@link #recrosswalk}, {@link #retryQuarantined}): recorded like harvests, never
 * moving the watermark, started again rather than resumed when interrupted.
 */
public final class Harvester {

    private static final Logger LOG = LoggerFactory.getLogger(Harvester.class);

    /** Stored records per page of a re-crosswalk or retry: its counts are saved after each. */
    public static final int REREAD_PAGE = 500;
    /** The reason of a re-crosswalk or retry that was interrupted (it is started again, never resumed). */
    public static final String INTERRUPTED = "interrupted";

    private final Sources sources;
    private final HarvestStore store;
    private final Supplier<IngestPipeline> pipelines;
    private final HarvestSettings settings;
    private final Feeds feeds;
    private final Clock clock;

    /**
     * @param pipelines    a new ingest pipeline for each run (runs of different sources go in parallel)
     * @param configDir    where relative CALIS export directories are found
     * @param journalLists the journal lists Crossref sources ask for the works of
     */
    public Harvester(
            Sources sources,
            HarvestStore store,
            Supplier<IngestPipeline> pipelines,
            HarvestSettings settings,
            Path configDir,
            JournalLists journalLists,
            Clock clock) {
        this.sources = sources;
        this.store = store;
        this.pipelines = pipelines;
        this.settings = settings;
        this.feeds = new Feeds(settings, configDir, journalLists, clock);
        this.clock = clock;
    }

    public Sources sources() {
        return sources;
    }

    public HarvestStore store() {
        return store;
    }

    /**
     * Harvests one source now and returns the recorded run.
     *
     * @param full    harvest everything, not only what changed since the watermark
     * @param trigger what started it, for the record
     * @throws SourcesException     for an unknown source or one that cannot be harvested
     * @throws InterruptedException when the hub stops meanwhile; the run stays resumable
     */
    public RunRecord harvest(String sourceId, boolean full, String trigger)
            throws SourcesException, InterruptedException {
        return harvest(sourceId, full, false, trigger);
    }

    /**
     * Harvests one source now and returns the recorded run; with {@code confirmDeletions}, a full
     * CALIS dump in it may retire more of the source's records than {@code harvest.maxDumpDeletionShare}
     * (an admin's answer to a run the {@link DeletionGuard} stopped). The confirmation holds for this
     * call only, the run it resumes included; a run that resumes it later needs it again.
     *
     * @see #harvest(String, boolean, String)
     */
    public RunRecord harvest(String sourceId, boolean full, boolean confirmDeletions, String trigger)
            throws SourcesException, InterruptedException {
        Source source = sources.require(sourceId);
        HarvestTask task = task(source);
        RunRecord record = begin(source, full, trigger);
        IngestPipeline pipeline = pipelines.get();
        HarvestRun run = new HarvestRun(record, source, store, pipeline, clock, confirmDeletions);
        RunOutcome outcome;
        String reason = null;
        String watermark = null;
        try {
            watermark = task.run(run);
            outcome = RunOutcome.COMPLETE;
        } catch (HarvestFault e) {
            outcome = e.isFailure() ? RunOutcome.FAILED : RunOutcome.PARTIAL;
            reason = e.getMessage();
        } catch (InterruptedException e) {
            commitQuietly(run);
            LOG.info("{} run {} interrupted; the next run resumes it at its checkpoint", source.id(), run.id());
            throw e;
        } catch (RuntimeException e) {
            // An interrupt that reached the pipeline in the middle of a page surfaces as its failure:
            // it is still an interruption, and the run is resumed at its last checkpoint. The flag is
            // cleared first, so that the commit below does not meet it inside a database call.
            if (Thread.interrupted()) {
                commitQuietly(run);
                LOG.info("{} run {} interrupted while ingesting; the next run resumes it", source.id(), run.id());
                InterruptedException interrupted = new InterruptedException("harvest of " + source.id() + " stopped");
                interrupted.initCause(e);
                throw interrupted;
            }
            LOG.error("{} run {} failed", source.id(), run.id(), e);
            outcome = RunOutcome.FAILED;
            reason = e.toString();
        }
        commitQuietly(run);
        store.finish(
                run.id(),
                source.id(),
                outcome,
                reason,
                run.counts(),
                outcome == RunOutcome.COMPLETE ? watermark : null,
                clock.instant());
        RunRecord finished = store.run(run.id()).orElseThrow();
        LOG.info(
                "{} run {} {}{}: {}",
                source.id(),
                run.id(),
                outcome.value(),
                reason == null ? "" : " (" + reason + ")",
                run.counts());
        return finished;
    }

    /**
     * The interrupted run to resume, or a new one. A full harvest asked for supersedes an interrupted
     * run. An unfinished re-crosswalk or retry is never resumed as a harvest: it ends {@code partial}
     * ("interrupted") here, and is simply started again as what it was (see {@link #recrosswalk}).
     */
    private RunRecord begin(Source source, boolean full, String trigger) {
        Optional<RunRecord> unfinished = Optional.empty();
        for (RunRecord run : store.unfinishedRuns(source.id())) {
            RunMode mode = RunMode.of(run);
            if (mode.rereads()) {
                endInterrupted(
                        run,
                        "a " + trigger + " harvest started; a " + mode.value() + " is started again, never resumed");
            } else if (unfinished.isEmpty()) {
                unfinished = Optional.of(run);
            }
        }
        if (unfinished.isPresent() && !(full && !unfinished.get().full())) {
            RunRecord resumed = unfinished.get();
            store.event(
                    resumed.id(), "resume", "resumed by a " + trigger + " run after an interruption", clock.instant());
            return resumed;
        }
        unfinished.ifPresent(old -> store.finish(
                old.id(),
                source.id(),
                RunOutcome.FAILED,
                "interrupted, and superseded by a full harvest",
                old.counts(),
                null,
                clock.instant()));
        String watermark = store.watermark(source.id()).orElse(null);
        boolean isFull = full || watermark == null;
        return store.start(source.id(), isFull, trigger, isFull ? null : watermark, clock.instant());
    }

    /**
     * Crosswalks the source's stored raw records again, with the crosswalks now in use, and updates
     * the catalogue: after an admin published a new version of a crosswalk. Works for every source,
     * a {@code file} source or a disabled one too, since their records must follow the crosswalk as
     * well. Recorded as a run of the source: trigger {@code recrosswalk}, full, counts saved after
     * every page of {@value #REREAD_PAGE} records (progress: {@link RunCounts#records()} against
     * {@link StoredSourceReader#count}), the watermark never moved.
     *
     * <p>Interrupted, it finishes the page it is in, ends {@code partial} with the reason
     * {@value #INTERRUPTED} and throws {@link InterruptedException}; it is idempotent, so it is simply
     * started again ({@code HarvestScheduler} does at start-up), never resumed.
     *
     * @param trigger what started it ({@code manual}, {@code resume}, a user), for the run's log
     * @throws SourcesException for an unknown source
     */
    public RunRecord recrosswalk(String sourceId, String trigger) throws SourcesException, InterruptedException {
        return reread(sourceId, RunMode.RECROSSWALK, trigger);
    }

    /**
     * Runs the source's quarantined records through the pipeline again, with the crosswalks now in
     * use: after a fix. As {@link #recrosswalk}, but only the records in quarantine, and recorded
     * with the trigger {@code retry}. A record that is still not acceptable stays quarantined with
     * its (new) reason; one that was unreadable when it arrived keeps its original reason.
     */
    public RunRecord retryQuarantined(String sourceId, String trigger) throws SourcesException, InterruptedException {
        return reread(sourceId, RunMode.RETRY, trigger);
    }

    private RunRecord reread(String sourceId, RunMode mode, String trigger)
            throws SourcesException, InterruptedException {
        Source source = sources.require(sourceId);
        // The whole run goes on a thread of its own, which interrupts never reach: an interrupt of the
        // caller becomes a request to stop between pages, never a ClosedByInterruptException inside
        // the pipeline's writes to the store or a database call (which would close an H2 database).
        ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, mode.value() + "-" + source.id());
            thread.setDaemon(true);
            return thread;
        });
        AtomicBoolean stop = new AtomicBoolean();
        boolean interrupted = false;
        try {
            Future<RunRecord> run = worker.submit(() -> reread(source, mode, trigger, stop));
            RunRecord finished = null;
            while (finished == null) {
                try {
                    finished = run.get();
                } catch (InterruptedException e) {
                    // Stop after the page in progress (a second or so), and wait for that.
                    interrupted = true;
                    stop.set(true);
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    throw cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
                }
            }
            if (interrupted && finished.outcome() == RunOutcome.PARTIAL && INTERRUPTED.equals(finished.reason())) {
                throw new InterruptedException(
                        mode.value() + " of " + source.id() + " interrupted; run " + finished.id() + " ended partial");
            }
            if (interrupted) {
                Thread.currentThread().interrupt(); // it ended anyway: the caller still learns of the interrupt
            }
            return finished;
        } finally {
            worker.shutdown();
        }
    }

    /** The run itself, on its own thread; {@code stop} asks it to end after the page it is in. */
    private RunRecord reread(Source source, RunMode mode, String trigger, AtomicBoolean stop) {
        for (RunRecord stale : store.unfinishedRuns(source.id())) {
            if (RunMode.of(stale).rereads()) {
                endInterrupted(stale, "a new " + mode.value() + " started");
            }
        }
        IngestPipeline pipeline = pipelines.get();
        RunRecord record = store.start(source.id(), true, mode.value(), null, clock.instant());
        HarvestRun run = new HarvestRun(record, source, store, pipeline, clock, false);
        SourceRecordStatus status = mode == RunMode.RETRY ? SourceRecordStatus.QUARANTINED : null;
        RunOutcome outcome = RunOutcome.COMPLETE;
        String reason = null;
        try (StoredSourceReader reader = new StoredSourceReader(pipeline.store(), source.id(), status)) {
            long total = StoredSourceReader.count(pipeline.store(), source.id(), status);
            run.checkpoint(mode.value() + ":0");
            run.log(
                    "start",
                    (mode == RunMode.RETRY
                                    ? "retry of " + total + " quarantined records"
                                    : "re-crosswalk of " + total + " stored records")
                            + " with the crosswalks now in use; started by " + trigger);
            boolean more = true;
            while (more) {
                if (stop.get()) {
                    outcome = RunOutcome.PARTIAL;
                    reason = INTERRUPTED;
                    run.log(
                            "stop",
                            "interrupted after " + run.counts().records() + " of " + total
                                    + " records; started again, never resumed");
                    break;
                }
                more = rereadPage(run, reader, mode);
            }
        } catch (RuntimeException e) {
            LOG.error("{} run {} failed", source.id(), run.id(), e);
            outcome = RunOutcome.FAILED;
            reason = e.toString();
        }
        commitQuietly(run);
        store.finish(run.id(), source.id(), outcome, reason, run.counts(), null, clock.instant());
        LOG.info(
                "{} run {} ({}) {}{}: {}",
                source.id(),
                run.id(),
                mode.value(),
                outcome.value(),
                reason == null ? "" : " (" + reason + ")",
                run.counts());
        return store.run(run.id()).orElseThrow();
    }

    /** One page of stored records through the pipeline, then a checkpoint; says whether more follow. */
    private static boolean rereadPage(HarvestRun run, StoredSourceReader reader, RunMode mode) {
        List<RawRecord> page = new ArrayList<>(REREAD_PAGE);
        while (page.size() < REREAD_PAGE && reader.hasNext()) {
            page.add(reader.next());
        }
        if (!page.isEmpty()) {
            run.ingest(page);
            run.counts().pages++;
        }
        run.checkpoint(mode.value() + ":" + run.counts().records());
        return reader.hasNext();
    }

    /** Ends a run left running that is not to be resumed. */
    private void endInterrupted(RunRecord run, String why) {
        Instant now = clock.instant();
        store.event(run.id(), "note", "ended as interrupted: " + why, now);
        store.finish(run.id(), run.source(), RunOutcome.PARTIAL, INTERRUPTED, run.counts(), null, now);
    }

    private HarvestTask task(Source source) throws SourcesException {
        return switch (source.type()) {
            case OAI_PMH -> {
                if (source.metadataPrefix() == null || source.metadataPrefix().isBlank()) {
                    throw new SourcesException("source " + source.id() + " has no metadataPrefix");
                }
                yield new OaiHarvest(feeds.oaiClient(source), settings);
            }
            case CALIS_EXPORT -> new CalisHarvest(store, feeds, settings.dumpDeletionGuard(), clock);
            case KBART -> new KbartHarvest(store, feeds, settings.dumpDeletionGuard());
            case CROSSREF ->
                new CrossrefHarvest(feeds.crossrefClient(source), feeds.journalList(source), settings.crossrefRows());
            case FILE ->
                throw new SourcesException("source " + source.id() + " is a " + source.type()
                        + " source: its records are imported with ./cashl-hub import, not harvested");
        };
    }

    private static void commitQuietly(HarvestRun run) {
        try {
            run.commit();
        } catch (RuntimeException e) {
            LOG.warn("committing run {} failed: {}", run.id(), e.getMessage());
        }
    }
}
