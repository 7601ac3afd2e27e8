package cn.edu.cashl.hub.bench;

import cn.edu.cashl.hub.bench.SruLoad.Result;
import cn.edu.cashl.hub.config.HubConfig;
import cn.edu.cashl.hub.server.Hub;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * searchRetrieve throughput and latency on a COUNT-record catalogue ({@link BenchCatalog}): a hub
 * is started on it, warmed up, then each workload ({@link SruWorkload}) runs for a fixed time with
 * 2, 4 and 8 concurrent keep-alive clients on loopback, in the same JVM. Prints every run, then the
 * best throughput of each workload with its latency percentiles against the targets, and the
 * heap, for docs/benchmarks.md. Usage: {@code SruBenchmark DATA_DIR [COUNT] [SECONDS_PER_RUN]}.
 */
public final class SruBenchmark {

    private static final int[] CONCURRENCY = {2, 4, 8};
    /** Long enough for C2 to compile the search, rendering and HTTP paths of every workload. */
    private static final Duration WARM_UP = Duration.ofSeconds(20);

    private SruBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        Duration run = Duration.ofSeconds(args.length > 2 ? Integer.parseInt(args[2]) : 30);
        List<SruQueries.Query> queries = SruQueries.from(BenchCatalog.populate(data, count));

        HubConfig config = HubConfig.DEFAULTS.withHub(new HubConfig.HubSettings("127.0.0.1", 0, data.toString(), ""));
        try (Hub hub = Hub.start(config, data)) {
            SruLoad load = new SruLoad("http://127.0.0.1:" + hub.port() + "/sru", queries, 8);
            for (SruWorkload workload : SruWorkload.values()) {
                load.run(workload, 4, WARM_UP.dividedBy(SruWorkload.values().length));
            }
            System.out.printf(
                    "benchmark: warmed up for %d s; %,d queries in rotation; %d s per run%n",
                    WARM_UP.toSeconds(), queries.size(), run.toSeconds());
            HeapWatch.resetPeaks();
            HeapWatch heap = new HeapWatch();
            Map<SruWorkload, Result> best = new EnumMap<>(SruWorkload.class);
            for (SruWorkload workload : SruWorkload.values()) {
                for (int clients : CONCURRENCY) {
                    Result result = load.run(workload, clients, run);
                    System.out.printf("benchmark: %s%n", result.line());
                    if (!best.containsKey(workload)
                            || result.perSecond() > best.get(workload).perSecond()) {
                        best.put(workload, result);
                    }
                }
            }
            summary(best);
            System.out.printf("benchmark: %s%n", heap.report());
        }
        System.out.printf("benchmark: %s%n", HeapWatch.machine());
    }

    private static void summary(Map<SruWorkload, Result> best) {
        System.out.println("benchmark: best throughput of each workload");
        System.out.println("| workload | clients | requests/s | p50 ms | p95 ms | p99 ms | target | met |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        best.forEach((workload, r) -> System.out.printf(
                "| %s | %d | %,.0f | %.1f | %.1f | %.1f | %s | %s |%n",
                workload.label,
                r.clients(),
                r.perSecond(),
                r.millis(50, null),
                r.millis(95, null),
                r.millis(99, null),
                target(workload),
                met(r)));
        best.forEach((workload, r) -> {
            System.out.printf("benchmark: %s at %d clients, by kind of query:%n", workload.label, r.clients());
            r.kindLines().forEach(System.out::println);
        });
    }

    /** The targets: a search box's page fast and often, a record copier's page often enough. */
    private static String target(SruWorkload workload) {
        return switch (workload) {
            case DC_10 -> "p50 <= 10 ms, >= 600/s";
            case MARCXML_100 -> ">= 80/s";
            case FACETS, DC_10_UNCACHED -> "none";
        };
    }

    private static String met(Result r) {
        return switch (r.workload()) {
            case DC_10 -> r.millis(50, null) <= 10 && r.perSecond() >= 600 ? "yes" : "no";
            case MARCXML_100 -> r.perSecond() >= 80 ? "yes" : "no";
            case FACETS, DC_10_UNCACHED -> "-";
        };
    }
}
