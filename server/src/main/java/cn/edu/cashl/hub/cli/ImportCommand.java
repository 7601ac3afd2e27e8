package cn.edu.cashl.hub.cli;

import cn.edu.cashl.hub.config.HubConfig;
import cn.edu.cashl.hub.ingest.IngestPipeline;
import cn.edu.cashl.hub.ingest.IngestSummary;
import cn.edu.cashl.hub.ingest.read.InputFormat;
import cn.edu.cashl.hub.ingest.read.RecordReader;
import cn.edu.cashl.hub.ingest.read.RecordReaders;
import cn.edu.cashl.hub.server.DataDirectory;
import cn.edu.cashl.hub.source.Source;
import cn.edu.cashl.hub.source.SourceType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code cashl-hub import}: files through the same pipeline as a harvest, into the data directory
 * (with the hub stopped). Prints progress while it runs and a summary of {@code name: number} lines.
 */
@Command(
        name = "import",
        mixinStandardHelpOptions = true,
        description =
                "Import record files (ISO 2709, MARCXML, OAI-PMH responses, Dublin Core, MODS, JATS articles, Crossref works (JSON), DOAJ articles (oai_doaj), arXiv e-prints, KBART title lists; gzip allowed) "
                        + "through the ingest pipeline, with the hub stopped.")
final class ImportCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Mixin
    SourceOption source;

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            defaultValue = "auto",
            description =
                    "auto, marc21, unimarc, marcxml, oai_dc, mods, jats, crossref, oai_doaj, arxiv or kbart (default: ${DEFAULT-VALUE}: from the content).")
    String format;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Files to import.")
    List<Path> files;

    @Override
    public Integer call() throws Exception {
        HubConfig config = common.load();
        Source from = common.source(source.id);
        InputFormat inputFormat = parseFormat();
        if (inputFormat == InputFormat.KBART && from.type() != SourceType.KBART) {
            // A title list's rows become holdings only through a package's terms: who licenses it, how.
            throw new picocli.CommandLine.ParameterException(
                    new picocli.CommandLine(this),
                    "a KBART list is imported through a kbart source (its package and the libraries that license it),"
                            + " and " + from.id() + " is a " + from.type() + " source");
        }
        IngestSummary total = new IngestSummary();
        int unreadableFiles = 0;
        try (DataDirectory data = DataDirectory.open(config, CommonOptions.dataDir(config))) {
            IngestPipeline pipeline = common.pipeline(data.store());
            Progress progress = new Progress(System.err);
            for (Path file : files) {
                if (!Files.isRegularFile(file)) {
                    System.err.println("cashl-hub: " + file + ": no such file, skipped");
                    unreadableFiles++;
                    continue;
                }
                try (RecordReader reader = RecordReaders.open(file, inputFormat)) {
                    IngestSummary summary = pipeline.run(from, reader, counts -> progress.update(total, counts));
                    total.add(summary);
                } catch (IOException e) {
                    System.err.println("cashl-hub: " + file + ": " + e.getMessage() + ", skipped");
                    unreadableFiles++;
                }
            }
            pipeline.commit(total);
            progress.finish(total);
            System.err.println("master records " + pipeline.mergeStats());
        }
        Progress.printSummary(total);
        boolean nothingImported = total.accepted() + total.filtered() + total.deleted() == 0;
        return nothingImported ? Main.FAILURE : 0;
    }

    private InputFormat parseFormat() {
        try {
            return InputFormat.parse(format);
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), e.getMessage());
        }
    }
}
