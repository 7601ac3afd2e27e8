package cn.edu.cashl.hub.bench;

import cn.edu.cashl.hub.cli.Main;
import cn.edu.cashl.hub.testkit.oai.GeneratedFeed;
import cn.edu.cashl.hub.testkit.oai.OaiTestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Times {@code cashl-hub harvest} end to end against a local OAI-PMH server (loopback) serving
 * COUNT generated MARCXML records in pages of PAGE, into embedded Solr under a fresh data
 * directory. Prints records per second, the share of the time spent waiting for the server, and
 * the peak heap, for docs/benchmarks.md. Usage: {@code HarvestBenchmark DATA_DIR [COUNT] [PAGE]}.
 */
public final class HarvestBenchmark {

    private HarvestBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 200_000;
        int page = args.length > 2 ? Integer.parseInt(args[2]) : 500;
        if (Files.exists(data)) {
            throw new IllegalArgumentException(data + " exists: the benchmark needs a fresh data directory");
        }
        Files.createDirectories(data);
        GeneratedFeed feed = new GeneratedFeed(count, page, false, Instant.now().minus(1, ChronoUnit.DAYS));
        try (OaiTestServer server = OaiTestServer.start(feed)) {
            Path sources = data.resolve("bench-sources.yaml");
            Files.writeString(
                    sources,
                    "sources:\n  - id: bench\n    type: oai-pmh\n    url: " + server.baseUrl()
                            + "\n    metadataPrefix: marc21\n");
            HeapWatch heap = new HeapWatch();
            long start = System.nanoTime();
            int exit = Main.run(
                    "harvest", "bench", "--data", data.resolve("hub").toString(), "--sources", sources.toString());
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(
                    "benchmark: harvest exit %d, %,d records in %.1f s = %,.0f records/s, %d pages of %d; %s%n",
                    exit, count, seconds, count / seconds, server.listRequests(), page, heap.report());
            System.out.printf("benchmark: %s%n", HeapWatch.machine());
        }
    }
}
