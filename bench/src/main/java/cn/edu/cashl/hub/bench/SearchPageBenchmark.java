package cn.edu.cashl.hub.bench;

import cn.edu.cashl.hub.config.HubConfig;
import cn.edu.cashl.hub.crosswalk.CrosswalkEngine;
import cn.edu.cashl.hub.crosswalk.Crosswalks;
import cn.edu.cashl.hub.schema.v1.CashlRecord;
import cn.edu.cashl.hub.server.Harvesting;
import cn.edu.cashl.hub.server.Hub;
import cn.edu.cashl.hub.source.Sources;
import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The readers' search page ({@code /search}, docs/search.md) on a COUNT-record catalogue
 * ({@link BenchCatalog}, default 1,000,000 books): a hub with the catalogue's ten libraries as
 * members (so that every result's availability is ranked with lenders), warmed up, then the pages
 * readers ask for (two title words in every field, a title, an author, an ISBN, a word narrowed to a
 * holding library, a later page), half of them for a home library, by 1 and 8 keep-alive clients
 * on loopback for a fixed time. Every answer must be a page of results. Prints throughput and the
 * latency percentiles. Usage: {@code SearchPageBenchmark WORK_DIR [COUNT] [SECONDS_PER_RUN]}.
 */
public final class SearchPageBenchmark {

    private static final Duration WARM_UP = Duration.ofSeconds(30);

    private SearchPageBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        Duration run = Duration.ofSeconds(args.length > 2 ? Integer.parseInt(args[2]) : 30);
        Files.createDirectories(work);
        Path data = work.resolve("data");
        List<String> pages = pages(BenchCatalog.populate(data, count));
        Path sourcesFile = work.resolve("sources.yaml");
        writeSources(sourcesFile);

        HubConfig config = HubConfig.DEFAULTS.withHub(new HubConfig.HubSettings("127.0.0.1", 0, data.toString(), ""));
        Crosswalks crosswalks = Crosswalks.packaged(new CrosswalkEngine());
        Harvesting harvesting = new Harvesting(Sources.load(sourcesFile), work, crosswalks, (store, clock) -> {
            throw new IllegalStateException("the benchmark harvests nothing");
        });
        try (Hub hub = Hub.start(config, data, harvesting)) {
            String base = "http://127.0.0.1:" + hub.port() + "/search?";
            AtomicLong next = new AtomicLong();
            run(base, pages, next, 4, WARM_UP, "warm-up");
            HeapWatch.resetPeaks();
            HeapWatch heap = new HeapWatch();
            for (int clients : new int[] {1, 8}) {
                run(base, pages, next, clients, run, "c=" + clients);
            }
            System.out.printf("benchmark: %s%n", heap.report());
        }
        System.out.printf("benchmark: %s%n", HeapWatch.machine());
    }

    /** The query strings of the pages readers ask for, six per sampled record, shuffled. */
    private static List<String> pages(List<CashlRecord> sample) {
        Random random = new Random(20);
        List<String> pages = new ArrayList<>();
        for (CashlRecord record : sample) {
            List<String> words = Arrays.stream((record.getTitle().getMain() + " "
                                    + record.getTitle().getSub())
                            .toLowerCase(Locale.ROOT)
                            .split("\\s+"))
                    .filter(w -> !w.isBlank())
                    .toList();
            String word = words.get(random.nextInt(words.size()));
            String other = words.get(random.nextInt(words.size()));
            String author = record.getContributor().get(0).getName();
            String library = BenchCatalog.LIBRARIES[random.nextInt(BenchCatalog.LIBRARIES.length)];
            List<String> some = new ArrayList<>(List.of(
                    "q=" + encode(word + " " + other),
                    "field=title&q=" + encode(word + " " + other),
                    "field=author&q=" + encode(author.substring(0, author.indexOf(','))),
                    "field=isbn-issn&q="
                            + encode(record.getIdentifiers().getIsbn().get(0).getValue()),
                    "q=" + encode(word) + "&holding=" + library,
                    "q=" + encode(word) + "&page=" + (2 + random.nextInt(4))));
            for (int i = 0; i < some.size(); i++) {
                if (random.nextBoolean()) {
                    some.set(
                            i,
                            some.get(i) + "&library="
                                    + BenchCatalog.LIBRARIES[random.nextInt(BenchCatalog.LIBRARIES.length)]);
                }
            }
            pages.addAll(some);
        }
        Collections.shuffle(pages, random);
        return List.copyOf(pages);
    }

    /** The catalogue's libraries as member libraries, five centre and five service libraries. */
    private static void writeSources(Path file) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("sources:\n");
            for (int i = 0; i < BenchCatalog.LIBRARIES.length; i++) {
                String library = BenchCatalog.LIBRARIES[i];
                out.write("  - id: " + library + "\n    type: file\n    name: " + library.toUpperCase(Locale.ROOT)
                        + " Library\n    tier: " + (i < 5 ? "centre" : "service")
                        + "\n    illBaseUrl: https://ill." + library + ".edu.cn/openurl\n");
            }
        }
    }

    private static void run(
            String base, List<String> pages, AtomicLong next, int clients, Duration duration, String label)
            throws InterruptedException {
        long deadline = System.nanoTime() + duration.toNanos();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        long[][] latencies = new long[clients][];
        int[] counts = new int[clients];
        List<Thread> workers = new ArrayList<>();
        long start = System.nanoTime();
        for (int w = 0; w < clients; w++) {
            int worker = w;
            latencies[w] = new long[1 << 16];
            Thread thread = new Thread(
                    () -> {
                        HttpClient http = HttpClient.newBuilder()
                                .version(HttpClient.Version.HTTP_1_1)
                                .build();
                        try {
                            while (System.nanoTime() < deadline && failure.get() == null) {
                                String query = pages.get((int) (next.getAndIncrement() % pages.size()));
                                long t = System.nanoTime();
                                HttpResponse<String> page = http.send(
                                        HttpRequest.newBuilder(URI.create(base + query))
                                                .build(),
                                        HttpResponse.BodyHandlers.ofString());
                                long nanos = System.nanoTime() - t;
                                if (page.statusCode() != 200 || !page.body().contains("class=\"count\"")) {
                                    throw new IllegalStateException("not a results page for " + query + ": HTTP "
                                            + page.statusCode() + "\n" + page.body());
                                }
                                if (counts[worker] == latencies[worker].length) {
                                    latencies[worker] = Arrays.copyOf(latencies[worker], counts[worker] * 2);
                                }
                                latencies[worker][counts[worker]++] = nanos;
                            }
                        } catch (Throwable e) {
                            failure.compareAndSet(null, e);
                        }
                    },
                    "reader-" + w);
            workers.add(thread);
            thread.start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        if (failure.get() != null) {
            throw new IllegalStateException(label + " failed", failure.get());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] all = new long[Arrays.stream(counts).sum()];
        int n = 0;
        for (int w = 0; w < clients; w++) {
            System.arraycopy(latencies[w], 0, all, n, counts[w]);
            n += counts[w];
        }
        Arrays.sort(all);
        System.out.printf(
                "benchmark: search page %s: %,d pages in %.1f s = %,.0f pages/s; latency ms p50 %.1f, p95 %.1f, p99 %.1f, max %.1f%n",
                label,
                all.length,
                seconds,
                all.length / seconds,
                percentile(all, 50),
                percentile(all, 95),
                percentile(all, 99),
                all[all.length - 1] / 1e6);
    }

    private static double percentile(long[] sorted, double percentile) {
        int index = (int) Math.ceil(percentile / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
