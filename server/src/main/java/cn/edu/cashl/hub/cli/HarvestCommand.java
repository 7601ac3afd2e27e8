package cn.edu.cashl.hub.cli;

import cn.edu.cashl.hub.catalog.RecordFilter;
import cn.edu.cashl.hub.catalog.StoreCollection;
import cn.edu.cashl.hub.config.HubConfig;
import cn.edu.cashl.hub.db.Database;
import cn.edu.cashl.hub.harvest.HarvestStore;
import cn.edu.cashl.hub.harvest.Harvester;
import cn.edu.cashl.hub.harvest.RunOutcome;
import cn.edu.cashl.hub.harvest.RunRecord;
import cn.edu.cashl.hub.server.DataDirectory;
import cn.edu.cashl.hub.server.Harvesting;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code cashl-hub harvest SOURCE [--full] [--confirm-deletions]}: one harvest run now, with the hub
 * stopped (the data directory is locked meanwhile). Ctrl-C or SIGTERM stops it at the next page,
 * resumably. Prints the run as {@code name: value} lines; exits 0 only when the run is complete.
 */
@Command(
        name = "harvest",
        mixinStandardHelpOptions = true,
        description = "Harvest one source now (incrementally from its watermark, or --full), with the hub stopped. "
                + "An interrupted run of the source is resumed at its checkpoint.")
final class HarvestCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Parameters(paramLabel = "SOURCE", description = "The source id, as in sources.yaml.")
    String source;

    @Option(names = "--full", description = "Harvest everything, not only what changed since the last complete run.")
    boolean full;

    @Option(
            names = "--confirm-deletions",
            description = "Let a full CALIS dump in this run delete the source's records it no longer holds even when "
                    + "they are more than harvest.maxDumpDeletionShare of them (after that guard stopped a run).")
    boolean confirmDeletions;

    @Override
    public Integer call() throws Exception {
        HubConfig config = common.load();
        common.source(source); // an unknown id is a configuration error that lists the known ones
        Harvesting harvesting = common.harvestingWithAdminState();
        Path dataDir = CommonOptions.dataDir(config);
        try (DataDirectory data = DataDirectory.open(config, dataDir);
                Database database = Database.open(config.db(), dataDir)) {
            HarvestStore store = new HarvestStore(database.dataSource());
            RunRecord run = runInterruptibly(
                    harvesting.harvester(data.store(), CommonOptions.unread(), store, config.harvest()));
            if (run == null) {
                System.err.println("cashl-hub: harvest of " + source + " stopped; the next harvest resumes it");
                return Main.FAILURE;
            }
            print(run, data.store().count(StoreCollection.CATALOG, RecordFilter.ALL.withDeleted(false)));
            return run.outcome() == RunOutcome.COMPLETE ? 0 : Main.FAILURE;
        }
    }

    /** Runs the harvest on its own thread, so that SIGTERM can interrupt it and wait for it to let go. */
    private RunRecord runInterruptibly(Harvester harvester) throws Exception {
        AtomicReference<RunRecord> result = new AtomicReference<>();
        AtomicReference<Exception> failure = new AtomicReference<>();
        Thread worker = new Thread(
                () -> {
                    try {
                        result.set(harvester.harvest(source, full, confirmDeletions, "cli"));
                    } catch (InterruptedException e) {
                        // stopped: the run stays resumable
                    } catch (Exception e) {
                        failure.set(e);
                    }
                },
                "harvest-" + source);
        Thread stopper = new Thread(
                () -> {
                    worker.interrupt();
                    try {
                        worker.join(60_000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                "harvest-stop");
        Runtime.getRuntime().addShutdownHook(stopper);
        worker.start();
        worker.join();
        try {
            Runtime.getRuntime().removeShutdownHook(stopper);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        return result.get();
    }

    static void print(RunRecord run, long masterRecords) {
        System.out.println("run: " + run.id());
        System.out.println("outcome: " + run.outcome().value());
        if (run.reason() != null) {
            System.out.println("reason: " + run.reason());
        }
        run.counts().asMap().forEach((name, value) -> System.out.println(name + ": " + value));
        System.out.println(
                "watermark: " + (run.watermarkAfter() != null ? run.watermarkAfter() : run.watermarkBefore()));
        System.out.println("master records: " + masterRecords);
    }
}
