package cn.edu.cashl.hub.bench;

import cn.edu.cashl.hub.config.HubConfig;
import cn.edu.cashl.hub.crosswalk.CrosswalkEngine;
import cn.edu.cashl.hub.crosswalk.Crosswalks;
import cn.edu.cashl.hub.server.Harvesting;
import cn.edu.cashl.hub.server.Hub;
import cn.edu.cashl.hub.source.Sources;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The E-first resolver under load: {@code ROWS} KBART rows over the 34 member libraries and 100
 * packages ({@link ResolverCatalog}), then {@code URLS} distinct OpenURLs (articles by ISSN, date,
 * volume and page in OpenURL 1.0 and 0.1, books by ISBN, journals by title only, citations the
 * consortium holds nowhere, each for a random home library) asked of {@code /openurl} as JSON over
 * loopback HTTP, keep-alive, once each at concurrency 1 and again at 8, after a warm-up. Prints
 * p50, p95 and p99 latency and requests per second for docs/benchmarks.md; any answer but 200 with
 * options stops the benchmark. Usage: {@code ResolverBenchmark WORK_DIR [ROWS] [URLS]}.
 */
public final class ResolverBenchmark {

    private ResolverBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        long rows = args.length > 1 ? Long.parseLong(args[1]) : 1_000_000;
        int count = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
        Files.createDirectories(work);
        Path data = work.resolve("data");
        Path sourcesFile = work.resolve("sources.yaml");
        Random random = new Random(2026);
        ResolverCatalog catalog = new ResolverCatalog(rows, random);
        catalog.writeSources(sourcesFile);
        catalog.populate(data);
        List<String> urls = openUrls(catalog, count, new Random(18));

        HubConfig config = HubConfig.DEFAULTS.withHub(new HubConfig.HubSettings("127.0.0.1", 0, data.toString(), ""));
        Crosswalks crosswalks = Crosswalks.packaged(new CrosswalkEngine());
        Harvesting harvesting = new Harvesting(Sources.load(sourcesFile), work, crosswalks, (store, clock) -> {
            throw new IllegalStateException("the benchmark harvests nothing");
        });
        try (Hub hub = Hub.start(config, data, harvesting)) {
            String base = "http://127.0.0.1:" + hub.port() + "/openurl?format=json&";
            run(base, urls.subList(0, Math.min(2_000, urls.size())), 8, "warm-up");
            for (int concurrency : new int[] {1, 8}) {
                run(base, urls, concurrency, "c=" + concurrency);
            }
        }
        System.out.printf("benchmark: %s%n", HeapWatch.machine());
    }

    /** Every URL once, {@code concurrency} clients taking them in turn; prints the figures. */
    private static void run(String base, List<String> urls, int concurrency, String label) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        long[][] latencies = new long[concurrency][];
        int[] counts = new int[concurrency];
        List<Thread> workers = new ArrayList<>();
        long start = System.nanoTime();
        for (int w = 0; w < concurrency; w++) {
            int me = w;
            latencies[w] = new long[urls.size()];
            HttpClient http = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10))
                    .build();
            Thread worker = new Thread(
                    () -> {
                        try {
                            int i;
                            while ((i = next.getAndIncrement()) < urls.size() && failure.get() == null) {
                                HttpRequest request = HttpRequest.newBuilder(URI.create(base + urls.get(i)))
                                        .header("Accept", "application/json")
                                        .timeout(Duration.ofSeconds(60))
                                        .build();
                                long t = System.nanoTime();
                                HttpResponse<String> response =
                                        http.send(request, HttpResponse.BodyHandlers.ofString());
                                latencies[me][counts[me]++] = System.nanoTime() - t;
                                if (response.statusCode() != 200
                                        || !response.body().contains("\"options\"")) {
                                    throw new IllegalStateException("HTTP " + response.statusCode() + " for "
                                            + urls.get(i) + ": " + response.body());
                                }
                            }
                        } catch (Throwable e) {
                            failure.compareAndSet(null, e);
                        }
                    },
                    "openurl-client-" + w);
            workers.add(worker);
            worker.start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (failure.get() != null) {
            throw new IllegalStateException("the resolver failed", failure.get());
        }
        long[] all = new long[urls.size()];
        int n = 0;
        for (int w = 0; w < concurrency; w++) {
            System.arraycopy(latencies[w], 0, all, n, counts[w]);
            n += counts[w];
        }
        long[] sorted = Arrays.copyOf(all, n);
        Arrays.sort(sorted);
        System.out.printf(
                "benchmark: resolver %s: %,d OpenURLs in %.1f s, %.0f req/s, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms%n",
                label,
                n,
                seconds,
                n / seconds,
                sorted[n / 2] / 1e6,
                sorted[(int) (n * 0.95)] / 1e6,
                sorted[(int) (n * 0.99)] / 1e6);
    }

    /** Distinct OpenURLs: the mix a discovery system sends, each naming a random home library. */
    static List<String> openUrls(ResolverCatalog catalog, int count, Random random) {
        Set<String> urls = new LinkedHashSet<>();
        List<String> libraries = new ArrayList<>(Arrays.asList(ResolverCatalog.CENTRE));
        libraries.addAll(Arrays.asList(ResolverCatalog.SERVICE));
        int serial = 0;
        while (urls.size() < count) {
            ResolverCatalog.Title title = catalog.titles.get(random.nextInt(catalog.titles.size()));
            String library = libraries.get(random.nextInt(libraries.size()));
            int year = 1950 + random.nextInt(77);
            int volume = Math.max(1, title.firstVolume() + year - title.firstYear());
            int page = 1 + (serial++ % 900);
            int kind = random.nextInt(20);
            String url;
            if (kind < 11 && title.journal()) {
                url = "ctx_ver=Z39.88-2004&rft_val_fmt=info:ofi/fmt:kev:mtx:journal&rft.genre=article&rft.issn="
                        + title.issn() + "&rft.date=" + year + "&rft.volume=" + volume + "&rft.spage=" + page
                        + "&rft.atitle=" + enc("On " + BenchCatalog.WORDS[page % BenchCatalog.WORDS.length])
                        + "&rfr_id=info:sid/primo.exlibrisgroup.com&library=" + library;
            } else if (kind < 13 && title.journal()) {
                url = "genre=article&issn=" + title.issn() + "&date=" + year + "&volume=" + volume + "&spage=" + page
                        + "&sid=google&library=" + library;
            } else if (kind < 14 && title.journal()) {
                url = "ctx_ver=Z39.88-2004&rft.genre=journal&rft.jtitle=" + enc(title.name()) + "&rft.date=" + year
                        + "&library=" + library + "&rft.spage=" + page;
            } else if (kind < 15) {
                url = "ctx_ver=Z39.88-2004&rft.genre=article&rft.issn=" + ResolverCatalog.issn(5_000_000 + page)
                        + "&rft.date=" + year + "&rft.volume=" + volume + "&rft.spage=" + page + "&library=" + library;
            } else if (!title.journal()) {
                url = "ctx_ver=Z39.88-2004&rft_val_fmt=info:ofi/fmt:kev:mtx:book&rft.genre=book&rft.isbn="
                        + title.isbn() + "&rft.btitle=" + enc(title.name()) + "&rft.date=" + title.firstYear()
                        + "&library=" + library + "&rft.spage=" + page;
            } else {
                continue;
            }
            urls.add(url);
        }
        return new ArrayList<>(urls);
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
