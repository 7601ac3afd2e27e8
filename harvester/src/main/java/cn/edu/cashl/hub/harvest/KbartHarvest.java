package cn.edu.cashl.hub.harvest;

import cn.edu.cashl.hub.harvest.kbart.TitleListLocation;
import cn.edu.cashl.hub.harvest.oai.HarvestFault;
import cn.edu.cashl.hub.ingest.read.InputFormat;
import cn.edu.cashl.hub.ingest.read.RecordReader;
import cn.edu.cashl.hub.ingest.read.RecordReaders;
import java.io.IOException;
import java.nio.file.Files;

/**
 * One run over a KBART source (docs/efirst.md): the title list is fetched whole and, when it
 * changed since the last complete run (its SHA-256 is the watermark) or the run is full, read as
 * the whole truth about the package, as a CALIS full dump is: every row is ingested, then the
 * source's records the list no longer carries are retired ({@link DumpRetirement}), so that a
 * title dropped from the package loses its holdings and a changed row its old coverage. The
 * {@link DeletionGuard} holds back a list that would retire too much of the package (a provider's
 * export cut short) until an admin confirms.
 */
final class KbartHarvest implements HarvestTask {

    private static final String WATERMARK = "sha256:";

    private final HarvestStore store;
    private final Feeds feeds;
    private final DeletionGuard guard;

    KbartHarvest(HarvestStore store, Feeds feeds, DeletionGuard guard) {
        this.store = store;
        this.feeds = feeds;
        this.guard = guard;
    }

    @Override
    public String run(HarvestRun run) throws HarvestFault, InterruptedException {
        TitleListLocation location = feeds.titleList(run.source());
        TitleListLocation.Fetched list;
        try {
            list = location.fetch();
        } catch (IOException e) {
            throw HarvestFault.failed("cannot fetch the title list " + location + ": " + e.getMessage());
        }
        try {
            run.counts().requests++;
            run.counts().bytes += list.bytes();
            String watermark = WATERMARK + list.digest();
            if (!run.full() && watermark.equals(run.watermarkBefore())) {
                run.log("file", "title list unchanged since the last run (" + list.bytes() + " bytes)");
                return watermark;
            }
            if (run.deletionsConfirmed()) {
                run.log(
                        "confirm",
                        "deletions confirmed: the title list may retire more of the package's titles than the " + guard
                                + " allows");
            }
            try (RecordReader reader = RecordReaders.open(list.file(), InputFormat.KBART);
                    DumpRetirement retirement = DumpRetirement.begin(run, store, guard, location.toString())) {
                run.ingest(retirement.recording(reader));
                retirement.retire();
            }
            run.counts().pages++;
            run.checkpoint("kbart:" + list.digest());
            run.log("file", "title list " + location + " read (" + list.bytes() + " bytes)");
            store.releaseDeletions(run.source().id());
            return watermark;
        } catch (IOException e) {
            throw new HarvestFault("cannot read the title list " + location + ": " + e.getMessage());
        } finally {
            if (list.temporary()) {
                try {
                    Files.deleteIfExists(list.file());
                } catch (IOException e) {
                    // a temporary file left behind is harmless
                }
            }
        }
    }
}
