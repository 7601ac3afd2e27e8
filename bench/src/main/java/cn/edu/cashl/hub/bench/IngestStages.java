package cn.edu.cashl.hub.bench;

import cn.edu.cashl.hub.crosswalk.Crosswalk;
import cn.edu.cashl.hub.crosswalk.CrosswalkEngine;
import cn.edu.cashl.hub.crosswalk.Crosswalks;
import cn.edu.cashl.hub.ingest.CrosswalkParams;
import cn.edu.cashl.hub.ingest.hss.HssFilter;
import cn.edu.cashl.hub.ingest.hss.HssRules;
import cn.edu.cashl.hub.ingest.read.InputFormat;
import cn.edu.cashl.hub.ingest.read.RawRecord;
import cn.edu.cashl.hub.ingest.read.RecordReader;
import cn.edu.cashl.hub.ingest.read.RecordReaders;
import cn.edu.cashl.hub.merge.MatchKeys;
import cn.edu.cashl.hub.schema.CashlRecords;
import cn.edu.cashl.hub.schema.v1.CashlRecord;
import cn.edu.cashl.hub.source.Source;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/**
 * The per-record stages of an import, one thread, each timed on its own: reading ISO 2709 into
 * MARCXML, the crosswalk, validating and binding its output, the HSS filter and the match keys.
 * Usage: {@code IngestStages ISO2709_DIR_OR_FILE CONFIG_DIR [RECORDS]}: the first half of the records
 * warms up, the second half is timed.
 */
public final class IngestStages {

    private IngestStages() {}

    public static void main(String[] args) throws Exception {
        Path input = Path.of(args[0]);
        Path config = Path.of(args[1]);
        int count = args.length > 2 ? Integer.parseInt(args[2]) : 40_000;
        List<Path> files;
        try (Stream<Path> list = Files.isDirectory(input) ? Files.list(input) : Stream.of(input)) {
            files = list.sorted().toList();
        }
        Crosswalks crosswalks = Crosswalks.packaged(new CrosswalkEngine());
        HssFilter filter = new HssFilter(HssRules.load(config.resolve("hss-rules.yaml")));
        Source source = Source.file("union", "marc21");
        Instant now = Instant.now();
        long[] total = new long[5];
        String[] names = {"read ISO 2709 to MARCXML", "crosswalk", "validate and bind", "HSS filter", "match keys"};
        int seen = 0;
        int timed = 0;
        outer:
        for (Path file : files) {
            try (RecordReader reader = RecordReaders.open(file, InputFormat.AUTO)) {
                while (true) {
                    long t0 = System.nanoTime();
                    if (!reader.hasNext()) {
                        break;
                    }
                    RawRecord raw = reader.next();
                    long t1 = System.nanoTime();
                    Crosswalk crosswalk = crosswalks.get(raw.format().defaultCrosswalk());
                    String id = "union:" + CrosswalkParams.localId(raw);
                    String xml =
                            crosswalk.transform(raw.xml(), CrosswalkParams.of(source, id, raw, now, crosswalk.ref()));
                    long t2 = System.nanoTime();
                    CashlRecord record = CashlRecords.get().read(xml);
                    long t3 = System.nanoTime();
                    filter.decide(record);
                    long t4 = System.nanoTime();
                    MatchKeys.of(record);
                    long t5 = System.nanoTime();
                    if (++seen > count / 2) {
                        timed++;
                        total[0] += t1 - t0;
                        total[1] += t2 - t1;
                        total[2] += t3 - t2;
                        total[3] += t4 - t3;
                        total[4] += t5 - t4;
                    }
                    if (seen >= count) {
                        break outer;
                    }
                }
            }
        }
        long sum = 0;
        for (int i = 0; i < names.length; i++) {
            System.out.printf("%-28s %8.1f µs/record%n", names[i], total[i] / 1e3 / timed);
            sum += total[i];
        }
        System.out.printf(
                "%-28s %8.1f µs/record (%d records timed after %d warm-up)%n",
                "total", sum / 1e3 / timed, timed, seen - timed);
    }
}
