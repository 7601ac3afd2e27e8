package cn.edu.cashl.hub.harvest;

import cn.edu.cashl.hub.harvest.oai.HarvestFault;
import cn.edu.cashl.hub.harvest.oai.HttpFetcher;
import cn.edu.cashl.hub.harvest.oai.OaiClient;
import cn.edu.cashl.hub.harvest.oai.OaiResponseParser;
import cn.edu.cashl.hub.harvest.oai.RetryPolicy;
import cn.edu.cashl.hub.ingest.IngestPipeline;
import cn.edu.cashl.hub.ingest.read.RecordFormat;
import cn.edu.cashl.hub.source.Source;
import cn.edu.cashl.hub.source.Sources;
import cn.edu.cashl.hub.source.SourcesException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
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
 */
public final class Harvester {

    private static final Logger LOG = LoggerFactory.getLogger(Harvester.class);

    private final Sources sources;
    private final HarvestStore store;
    private final Supplier<IngestPipeline> pipelines;
    private final HarvestSettings settings;
    private final Path configDir;
    private final Clock clock;

    /**
     * @param pipelines a new ingest pipeline for each run (runs of different sources go in parallel)
     * @param configDir where relative CALIS export directories are found
     */
    public Harvester(Sources sources, HarvestStore store, Supplier<IngestPipeline> pipelines, HarvestSettings settings,
            Path configDir, Clock clock) {
        this.sources = sources;
        this.store = store;
        this.pipelines = pipelines;
        this.settings = settings;
        this.configDir = configDir;
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
    public RunRecord harvest(String sourceId, boolean full, String trigger) throws SourcesException, InterruptedException {
        Source source = sources.require(sourceId);
        HarvestTask task = task(source);
        RunRecord record = begin(source, full, trigger);
        IngestPipeline pipeline = pipelines.get();
        HarvestRun run = new HarvestRun(record, source, store, pipeline, clock);
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
            LOG.error("{} run {} failed", source.id(), run.id(), e);
            outcome = RunOutcome.FAILED;
            reason = e.toString();
        }
        commitQuietly(run);
        store.finish(run.id(), source.id(), outcome, reason, run.counts(), outcome == RunOutcome.COMPLETE ? watermark : null, clock.instant());
        RunRecord finished = store.run(run.id()).orElseThrow();
        LOG.info("{} run {} {}{}: {}", source.id(), run.id(), outcome.value(), reason == null ? "" : " (" + reason + ")", run.counts());
        return finished;
    }

    /** The interrupted run to resume, or a new one. A full harvest asked for supersedes an interrupted run. */
    private RunRecord begin(Source source, boolean full, String trigger) {
        var unfinished = store.unfinished(source.id());
        if (unfinished.isPresent() && !(full && !unfinished.get().full())) {
            RunRecord resumed = unfinished.get();
            store.event(resumed.id(), "resume", "resumed by a " + trigger + " run after an interruption", clock.instant());
            return resumed;
        }
        unfinished.ifPresent(old -> store.finish(old.id(), source.id(), RunOutcome.FAILED, "interrupted, and superseded by a full harvest",
                old.counts(), null, clock.instant()));
        String watermark = store.watermark(source.id()).orElse(null);
        boolean isFull = full || watermark == null;
        return store.start(source.id(), isFull, trigger, isFull ? null : watermark, clock.instant());
    }

    private HarvestTask task(Source source) throws SourcesException {
        return switch (source.type()) {
            case "oai-pmh" -> {
                if (source.metadataPrefix() == null || source.metadataPrefix().isBlank()) {
                    throw new SourcesException("source " + source.id() + " has no metadataPrefix");
                }
                RetryPolicy retry = new RetryPolicy(settings.attempts(), Duration.ofMillis(settings.backoffMillis()), settings.maxBackoff());
                HttpFetcher fetcher = new HttpFetcher(retry, settings.timeout(), settings.maxPageBytes(), settings.userAgent(), clock);
                RecordFormat marc = source.metadataPrefix().toLowerCase(Locale.ROOT).contains("unimarc") ? RecordFormat.UNIMARC : RecordFormat.MARC21;
                yield new OaiHarvest(new OaiClient(source.url(), fetcher, new OaiResponseParser(marc), retry), settings.overlap());
            }
            case "calis-export" -> new CalisHarvest(store, settings, configDir, clock);
            default -> throw new SourcesException("source " + source.id() + " is a " + source.type()
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
