package cn.edu.cashl.hub.cli;

import cn.edu.cashl.hub.config.ConfigException;
import cn.edu.cashl.hub.crosswalk.Crosswalk;
import cn.edu.cashl.hub.crosswalk.CrosswalkCompileException;
import cn.edu.cashl.hub.crosswalk.CrosswalkEngine;
import cn.edu.cashl.hub.crosswalk.CrosswalkException;
import cn.edu.cashl.hub.crosswalk.Crosswalks;
import cn.edu.cashl.hub.ingest.CrosswalkParams;
import cn.edu.cashl.hub.ingest.read.InputFormat;
import cn.edu.cashl.hub.ingest.read.RawRecord;
import cn.edu.cashl.hub.ingest.read.RecordReader;
import cn.edu.cashl.hub.ingest.read.RecordReaders;
import cn.edu.cashl.hub.schema.CashlRecords;
import cn.edu.cashl.hub.schema.InvalidRecordException;
import cn.edu.cashl.hub.source.Source;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;
import javax.xml.transform.stream.StreamSource;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code cashl-hub crosswalk}: the admin's test bench. Runs the inbound crosswalk (the packaged one
 * for the input's format, or a stylesheet being written, {@code --xslt}) over every record of a file
 * and prints the results; with {@code --to}, also the outbound crosswalk. Validation problems go to
 * stderr with their element paths. Needs no data directory: it can run beside a live hub.
 */
@Command(
        name = "crosswalk",
        mixinStandardHelpOptions = true,
        description =
                "Run a crosswalk over the records of FILE and print the result (a CASHL record file as input skips the inbound step).")
final class CrosswalkCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    static final class Inbound {
        @Option(
                names = {"--from", "--format"},
                paramLabel = "FORMAT",
                description =
                        "Input format: auto, marc21, unimarc, marcxml, oai_dc, mods, jats, crossref, oai_doaj or arxiv (default: auto).")
        String from;

        @Option(
                names = "--xslt",
                paramLabel = "FILE",
                description = "Inbound stylesheet to try instead of the packaged one.")
        Path xslt;
    }

    @ArgGroup(exclusive = true)
    Inbound inbound = new Inbound();

    @Option(
            names = "--to",
            paramLabel = "FORMAT",
            defaultValue = "cashl",
            description = "Output: cashl, oai_dc, mods or marcxml (default: ${DEFAULT-VALUE}).")
    String to;

    @Mixin
    SourceOption source;

    @Parameters(paramLabel = "FILE", description = "Records to transform.")
    Path file;

    @Override
    public Integer call() throws Exception {
        Crosswalks crosswalks = common.crosswalks();
        Crosswalk outbound = outbound(crosswalks);
        Crosswalk custom = inbound.xslt == null ? null : compile(inbound.xslt);
        Source from = common.source(source.id);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        int failures = 0;

        if (isCanonicalRecord(file)) {
            return emit(Files.readString(file, StandardCharsets.UTF_8), file.toString(), outbound, out)
                    ? 0
                    : Main.FAILURE;
        }
        InputFormat format = inbound.from == null ? InputFormat.AUTO : InputFormat.parse(inbound.from);
        try (RecordReader reader = RecordReaders.open(file, format)) {
            while (reader.hasNext()) {
                RawRecord raw = reader.next();
                if (!raw.readable() || raw.deleted()) {
                    System.err.println(raw.position() + ": "
                            + (raw.deleted() ? "deleted record, nothing to transform" : raw.error()));
                    failures += raw.deleted() ? 0 : 1;
                    continue;
                }
                Crosswalk crosswalk = custom != null
                        ? custom
                        : crosswalks.get(
                                from.crosswalk() != null
                                        ? from.crosswalk()
                                        : raw.format().defaultCrosswalk());
                Map<String, String> params = CrosswalkParams.of(
                        from, CrosswalkParams.recordId(from, raw), raw, Instant.now(), crosswalk.ref());
                try {
                    if (!emit(crosswalk.transform(raw.xml(), params), raw.position(), outbound, out)) {
                        failures++;
                    }
                } catch (CrosswalkException e) {
                    System.err.println(raw.position() + ": " + e.getMessage());
                    failures++;
                }
            }
        }
        return failures == 0 ? 0 : Main.FAILURE;
    }

    /** Prints a canonical record, or its outbound form; reports validation problems. */
    private static boolean emit(String canonical, String position, Crosswalk outbound, PrintStream out) {
        boolean valid = true;
        try {
            CashlRecords.get().validate(canonical);
        } catch (InvalidRecordException e) {
            System.err.println(position + ": " + e.getMessage());
            valid = false;
        }
        if (outbound == null) {
            out.println(canonical);
            return valid;
        }
        if (!valid) {
            return false;
        }
        try {
            out.println(outbound.transform(canonical, Map.of()));
            return true;
        } catch (CrosswalkException e) {
            System.err.println(position + ": " + e.getMessage());
            return false;
        }
    }

    private Crosswalk outbound(Crosswalks crosswalks) throws ConfigException {
        return switch (to) {
            case "cashl" -> null;
            case "oai_dc", "mods", "marcxml" -> crosswalks.get("cashl-to-" + to);
            default -> throw new ConfigException("--to must be cashl, oai_dc, mods or marcxml, not " + to);
        };
    }

    private static Crosswalk compile(Path xslt) throws ConfigException {
        try {
            return new CrosswalkEngine()
                    .compile(
                            xslt.getFileName().toString().replaceFirst("\\.xslt?$", ""),
                            0,
                            new StreamSource(xslt.toFile()));
        } catch (CrosswalkCompileException e) {
            throw new ConfigException(e.getMessage());
        }
    }

    private static boolean isCanonicalRecord(Path file) throws IOException {
        try (var in = Files.newInputStream(file)) {
            String head = new String(in.readNBytes(2048), StandardCharsets.UTF_8);
            return head.contains(CashlRecords.NAMESPACE) && head.matches("(?s).*<([A-Za-z_][\\w.-]*:)?record\\b.*");
        }
    }
}
