package cn.edu.cashl.hub.bench;

import cn.edu.cashl.hub.cli.Main;
import cn.edu.cashl.hub.testkit.oai.GeneratedFeed;
import cn.edu.cashl.hub.testkit.oai.OaiTestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.stream.Stream;

/**
 * Times {@code cashl-hub harvest} end to end against a local OAI-PMH server (loopback) serving
 * COUNT generated MARCXML records in pages of PAGE, into embedded Solr under a fresh data
 * directory. Prints records per second, the share of the time spent waiting for the server, and
 * the peak heap, for docs/benchmarks.md. Usage:
 * {@code HarvestBenchmark DATA_DIR [COUNT] [PAGE] [DELAY_MS] [PREFETCH]}: {@code DELAY_MS} is added to
 * every page's answer, as a busy member server takes it (default 0); {@code PREFETCH} is {@code on}
 * (default) or {@code off}, the harvester's {@code harvest.prefetch}.
 */
public final class HarvestBenchmark {

    private HarvestBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 200_000;
        int page = args.length > 2 ? Integer.parseInt(args[2]) : 500;
        long delay = args.length > 3 ? Long.parseLong(args[3]) : 0;
        boolean prefetch = args.length <= 4 || !args[4].equals("off");
        if (Files.exists(data)) {
            throw new IllegalArgumentException(data + " exists: the benchmark needs a fresh data directory");
        }
        Files.createDirectories(data);
        GeneratedFeed feed = new GeneratedFeed(count, page, false, Instant.now().minus(1, ChronoUnit.DAYS));
        try (OaiTestServer server = OaiTestServer.start(feed).delayMillis(delay)) {
            // The shipped configuration (run from the project root, as bench/run does), with prefetch as asked.
            Path configDir = Files.createDirectories(data.resolve("config"));
            try (Stream<Path> files = Files.list(Path.of("config"))) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    Files.copy(file, configDir.resolve(file.getFileName()));
                }
            }
            Path config = configDir.resolve("cashl-hub.yaml");
            String shipped = Files.readString(config);
            if (!shipped.contains("  prefetch: true\n")) {
                throw new IllegalStateException(config + " no longer says prefetch: true");
            }
            Files.writeString(config, shipped.replace("  prefetch: true\n", "  prefetch: " + prefetch + "\n"));
            Path sources = data.resolve("bench-sources.yaml");
            Files.writeString(
                    sources,
                    "sources:\n  - id: bench\n    type: oai-pmh\n    url: " + server.baseUrl()
                            + "\n    metadataPrefix: marc21\n");
            HeapWatch heap = new HeapWatch();
            long start = System.nanoTime();
            int exit = Main.run(
                    "harvest",
                    "bench",
                    "--data",
                    data.resolve("hub").toString(),
                    "--sources",
                    sources.toString(),
                    "--config",
                    config.toString());
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(
                    "benchmark: harvest exit %d, %,d records in %.1f s = %,.0f records/s, %d pages of %d, %d ms added per"
                            + " page, prefetch %s; %s%n",
                    exit,
                    count,
                    seconds,
                    count / seconds,
                    server.listRequests(),
                    page,
                    delay,
                    prefetch ? "on" : "off",
                    heap.report());
            System.out.printf("benchmark: %s%n", HeapWatch.machine());
        }
    }
}
