package cn.edu.cashl.hub.cli;

import cn.edu.cashl.hub.config.HubConfig;
import cn.edu.cashl.hub.ingest.IngestPipeline;
import cn.edu.cashl.hub.ingest.IngestSummary;
import cn.edu.cashl.hub.ingest.StoredSourceReader;
import cn.edu.cashl.hub.server.DataDirectory;
import cn.edu.cashl.hub.source.Source;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code cashl-hub recrosswalk}: applies the current crosswalks and HSS rules to the stored raw
 * records, without harvesting again, and updates the catalogue.
 */
@Command(
        name = "recrosswalk",
        mixinStandardHelpOptions = true,
        description = "Re-apply the current crosswalks and HSS rules to the stored raw records (with the hub stopped).")
final class RecrosswalkCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Option(names = "--source", paramLabel = "ID", description = "Only this source's records (default: every source).")
    String source;

    @Override
    public Integer call() throws Exception {
        HubConfig config = common.load();
        Collection<Source> selected = source == null ? common.sources().all() : List.of(common.source(source));
        IngestSummary total = new IngestSummary();
        try (DataDirectory data = DataDirectory.open(config, CommonOptions.dataDir(config))) {
            IngestPipeline pipeline = common.pipeline(data.store());
            Progress progress = new Progress(System.err);
            for (Source each : selected) {
                try (StoredSourceReader reader = new StoredSourceReader(data.store(), each.id())) {
                    total.add(pipeline.run(each, reader, counts -> progress.update(total, counts)));
                }
            }
            pipeline.commit(total);
            progress.finish(total);
        }
        Progress.printSummary(total);
        return 0;
    }
}
