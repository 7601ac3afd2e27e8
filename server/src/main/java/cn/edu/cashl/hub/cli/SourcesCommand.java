package cn.edu.cashl.hub.cli;

import cn.edu.cashl.hub.config.HubConfig;
import cn.edu.cashl.hub.db.Database;
import cn.edu.cashl.hub.db.DatabaseException;
import cn.edu.cashl.hub.harvest.HarvestStore;
import cn.edu.cashl.hub.harvest.RunRecord;
import cn.edu.cashl.hub.server.HubStartupException;
import cn.edu.cashl.hub.source.Source;
import cn.edu.cashl.hub.source.Sources;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code cashl-hub sources}: each source with its state, watermark and last runs. */
@Command(
        name = "sources",
        mixinStandardHelpOptions = true,
        description = "List the sources with their schedule, watermark and last harvest runs "
                + "(while the hub runs, GET /admin/api/sources shows the same).")
final class SourcesCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Option(
            names = "--runs",
            paramLabel = "N",
            defaultValue = "3",
            description = "Runs to show per source (default: ${DEFAULT-VALUE}).")
    int runs;

    @Override
    public Integer call() throws Exception {
        HubConfig config = common.load();
        Sources sources = common.sources();
        try (Database database = Database.open(config.db(), CommonOptions.dataDir(config))) {
            HarvestStore store = new HarvestStore(database.dataSource());
            for (Source source : sources.all()) {
                System.out.printf(
                        "%-8s %-13s %-8s %s%s%n",
                        source.id(),
                        source.type(),
                        source.isEnabled() ? "enabled" : "disabled",
                        source.name() == null ? "" : source.name(),
                        source.nameZh() == null ? "" : " " + source.nameZh());
                if (source.schedule() != null) {
                    System.out.println("         schedule " + source.schedule());
                }
                store.watermark(source.id()).ifPresent(w -> System.out.println("         watermark " + w));
                List<RunRecord> last = store.lastRuns(source.id(), runs);
                for (RunRecord run : last) {
                    System.out.println("         run " + run.id() + " " + run.startedAt() + " "
                            + run.outcome().value() + (run.reason() == null ? "" : " (" + run.reason() + ")") + ": "
                            + run.counts());
                }
            }
        } catch (DatabaseException e) {
            throw new HubStartupException(e.getMessage() + " (is the hub running? Then GET /admin/api/sources)", e);
        }
        return 0;
    }
}
