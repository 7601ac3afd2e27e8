package cn.edu.cashl.hub.harvest;

import cn.edu.cashl.hub.harvest.calis.DeleteListReader;
import cn.edu.cashl.hub.harvest.calis.ExportFile;
import cn.edu.cashl.hub.harvest.calis.ExportLocation;
import cn.edu.cashl.hub.harvest.oai.HarvestFault;
import cn.edu.cashl.hub.harvest.oai.RetryPolicy;
import cn.edu.cashl.hub.ingest.read.InputFormat;
import cn.edu.cashl.hub.ingest.read.RecordReader;
import cn.edu.cashl.hub.ingest.read.RecordReaders;
import cn.edu.cashl.hub.source.Source;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * One run over the CALIS export interface: list the files, and read each one not processed before
 * (a full harvest reads them all again), in the order {@link ExportFile#plan} gives: the newest full
 * dump, then the increments and delete lists after it. A file counts as processed, in the
 * database, only once all its records are written; a run stopped inside a file reads that file
 * again, which changes nothing for the records already written.
 *
 * <p>A full dump is the whole truth about the source: once it is read, the source's records it no
 * longer holds are retired ({@link DumpRetirement}) before the files after it, which may bring
 * some back. The dump counts as processed only then. When the {@link DeletionGuard} holds the
 * deletions back, the run ends there, {@code partial}: the increments wait, since a later run reads
 * the dump again and would otherwise retire what they added.
 */
final class CalisHarvest implements HarvestTask {

    private final HarvestStore store;
    private final Feeds feeds;
    private final DeletionGuard guard;
    private final Clock clock;

    CalisHarvest(HarvestStore store, Feeds feeds, DeletionGuard guard, Clock clock) {
        this.store = store;
        this.feeds = feeds;
        this.guard = guard;
        this.clock = clock;
    }

    @Override
    public String run(HarvestRun run) throws HarvestFault, InterruptedException {
        Source source = run.source();
        ExportLocation location = feeds.calisLocation(source);
        RetryPolicy retry = feeds.retryPolicy();
        List<String> names;
        try {
            names = withRetries(retry, run, "listing " + location, location::list);
        } catch (HarvestFault e) {
            throw HarvestFault.failed(e.getMessage());
        }
        run.counts().requests++;
        if (run.deletionsConfirmed()) {
            run.log(
                    "confirm",
                    "deletions confirmed: a full dump read in this run may retire more of the source's records than the "
                            + guard + " allows");
        }
        InputFormat format = Feeds.calisFormat(source);
        for (ExportFile file : ExportFile.plan(names)) {
            if (!run.full() && store.fileProcessed(source.id(), file.name())) {
                continue;
            }
            if (Thread.interrupted()) {
                throw new InterruptedException("harvest of " + source.id() + " stopped");
            }
            Path local = withRetries(retry, run, "fetching " + file.name(), () -> location.fetch(file.name()));
            try {
                long size = Files.size(local);
                run.counts().requests++;
                run.counts().bytes += size;
                try (RecordReader reader = open(local, file, format)) {
                    if (file.kind() == ExportFile.Kind.FULL) {
                        ingestDump(run, reader, file);
                    } else {
                        run.ingest(reader);
                    }
                }
                run.counts().pages++;
                store.fileDone(source.id(), file.name(), size, run.id(), clock.instant());
                run.checkpoint("calis:" + file.name());
                run.log("file", file.kind().name().toLowerCase(Locale.ROOT) + " " + file.name() + " processed");
            } catch (IOException e) {
                throw new HarvestFault("cannot read " + file.name() + ": " + e.getMessage());
            } finally {
                if (location.temporary()) {
                    try {
                        Files.deleteIfExists(local);
                    } catch (IOException e) {
                        // a temporary file left behind is harmless
                    }
                }
            }
        }
        // A run that read every file leaves no deletions waiting: the dump the guard held back was
        // retired since, or a newer dump superseded it.
        store.releaseDeletions(source.id());
        // The export has no datestamps: the watermark only records when it was last read to the end,
        // so that the next run reads only the files it has not processed.
        return run.startedAt().truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** A full dump's records, then the retirement of the source's records it no longer holds. */
    private void ingestDump(HarvestRun run, RecordReader reader, ExportFile file)
            throws HarvestFault, InterruptedException {
        try (DumpRetirement retirement = DumpRetirement.begin(run, store, guard, file.name())) {
            run.ingest(retirement.recording(reader));
            retirement.retire();
        }
    }

    private static RecordReader open(Path file, ExportFile export, InputFormat format) throws IOException {
        if (export.kind() == ExportFile.Kind.DELETIONS) {
            InputStream text = RecordReaders.decompressed(Files.newInputStream(file));
            return new DeleteListReader(
                    new BufferedReader(new InputStreamReader(text, StandardCharsets.UTF_8)), export.name());
        }
        return Feeds.calisRecords(Files.newInputStream(file), file.getFileName().toString(), format);
    }

    private interface Attempt<T> {
        T run() throws IOException, InterruptedException;
    }

    private static <T> T withRetries(RetryPolicy retry, HarvestRun run, String what, Attempt<T> attempt)
            throws HarvestFault, InterruptedException {
        for (int i = 1; ; i++) {
            try {
                return attempt.run();
            } catch (IOException e) {
                if (i >= retry.attempts()) {
                    throw new HarvestFault(what + " failed after " + i + " attempts: " + e.getMessage());
                }
                long wait = retry.backoff(i).toMillis();
                run.retrying(what + ": " + e.getMessage() + " (attempt " + i + " of " + retry.attempts() + ")", wait);
                Thread.sleep(wait);
            }
        }
    }
}
