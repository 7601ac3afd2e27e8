package cn.edu.cashl.hub.bench;

import cn.edu.cashl.hub.bench.SruLoad.Result;
import cn.edu.cashl.hub.config.HubConfig;
import cn.edu.cashl.hub.server.Hub;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a harvester and a search client wait for on a catalogue of COUNT master records (default
 * 10,000,000, books and articles with {@code cashl.bench.articles}): the latency, not the
 * throughput of a whole sweep, which {@link OaiBenchmark} measures. The catalogue
 * ({@link BenchCatalog}) is written once and a hub is started on it; then
 *
 * <ul>
 *   <li>OAI-PMH: windows of consecutive ListRecords and ListIdentifiers pages that start at the
 *       beginning, the middle and the end of the list (a selective harvest {@code from} a
 *       datestamp there, following its resumption tokens, as a harvester that comes back does),
 *       a selective harvest of the {@code type:article} set, and GetRecord of identifiers taken
 *       from those pages;
 *   <li>SRU: each workload of {@link SruWorkload} with one client and with eight.
 * </ul>
 *
 * Run at two sizes, the ratio of the latencies is how the embedded default grows. Usage:
 * {@code ScaleBenchmark DATA_DIR [COUNT] [SECONDS_PER_SRU_RUN]}.
 */
public final class ScaleBenchmark {

    private static final Pattern TOKEN = Pattern.compile("<resumptionToken[^>]*>([^<]*)</resumptionToken>");
    private static final Pattern IDENTIFIER = Pattern.compile("<header[^>]*><identifier>([^<]+)</identifier>");
    /** The datestamps {@link BenchCatalog} gives: 2,000 records to a second from its base. */
    private static final Instant BASE = Instant.parse("2026-06-01T00:00:00Z");

    private static final int PAGES = 100;
    private static final int GET_RECORDS = 500;
    private static final Duration SRU_WARM_UP = Duration.ofSeconds(20);

    private ScaleBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 10_000_000;
        Duration run = Duration.ofSeconds(args.length > 2 ? Integer.parseInt(args[2]) : 30);
        List<SruQueries.Query> queries = SruQueries.from(BenchCatalog.populate(data, count));
        System.out.printf("benchmark: data directory %.1f GB on disk%n", size(data) / 1e9);

        HubConfig config = HubConfig.DEFAULTS.withHub(new HubConfig.HubSettings("127.0.0.1", 0, data.toString(), ""));
        try (Hub hub = Hub.start(config, data)) {
            String oai = "http://127.0.0.1:" + hub.port() + "/oai";
            HttpClient http =
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            // Warm-up, on pages no window below reads, of every path measured: lists from the start and
            // from a datestamp in both formats, headers only, and single records; long enough for C2.
            List<String> seen = new ArrayList<>();
            window(http, oai, "ListRecords", "oai_dc", null, null, 3 * PAGES, seen);
            window(http, oai, "ListRecords", "oai_dc", from(count / 4), null, 3 * PAGES, seen);
            window(http, oai, "ListRecords", "marc21", from(count / 4), null, PAGES, seen);
            window(http, oai, "ListIdentifiers", "oai_dc", from(count / 4), null, PAGES, seen);
            getRecords(http, oai, seen);
            HeapWatch.resetPeaks();
            HeapWatch heap = new HeapWatch();
            List<String> identifiers = new ArrayList<>();
            for (String verb : List.of("ListRecords", "ListIdentifiers")) {
                report(verb + " oai_dc, start", window(http, oai, verb, "oai_dc", null, null, PAGES, identifiers));
                report(
                        verb + " oai_dc, middle",
                        window(http, oai, verb, "oai_dc", from(count / 2), null, PAGES, identifiers));
                report(
                        verb + " oai_dc, end",
                        window(http, oai, verb, "oai_dc", from(count - 10 * PAGES * 100), null, PAGES, identifiers));
            }
            report(
                    "ListRecords marc21, middle",
                    window(http, oai, "ListRecords", "marc21", from(count / 2), null, PAGES, identifiers));
            if (BenchCatalog.ARTICLES > 0) {
                report(
                        "ListRecords oai_dc, set type:article, middle",
                        window(
                                http,
                                oai,
                                "ListRecords",
                                "oai_dc",
                                from(count / 2),
                                "type:article",
                                PAGES,
                                identifiers));
            }
            report("GetRecord oai_dc", getRecords(http, oai, identifiers));

            SruLoad load = new SruLoad("http://127.0.0.1:" + hub.port() + "/sru", queries, 8);
            for (SruWorkload workload : SruWorkload.values()) {
                load.run(workload, 4, SRU_WARM_UP.dividedBy(SruWorkload.values().length));
            }
            for (SruWorkload workload : SruWorkload.values()) {
                for (int clients : new int[] {1, 8}) {
                    Result result = load.run(workload, clients, run);
                    System.out.printf("benchmark: SRU %s%n", result.line());
                }
            }
            System.out.printf("benchmark: %s%n", heap.report());
        }
        System.out.printf("benchmark: %s%n", HeapWatch.machine());
    }

    /** The {@code from} datestamp at which record {@code index} of the generated list begins its second. */
    private static String from(int index) {
        return BASE.plusSeconds(Math.max(0, index) / 2000).toString();
    }

    /**
     * Harvests {@code pages} pages from the start of a (selective) list, following its tokens;
     * adds a few identifiers of every page to {@code identifiers}; returns each page's latency.
     */
    private static long[] window(
            HttpClient http,
            String base,
            String verb,
            String prefix,
            String from,
            String set,
            int pages,
            List<String> identifiers)
            throws IOException, InterruptedException {
        String query = "verb=" + verb + "&metadataPrefix=" + prefix
                + (from == null ? "" : "&from=" + from)
                + (set == null ? "" : "&set=" + URLEncoder.encode(set, StandardCharsets.UTF_8));
        long[] latencies = new long[pages];
        for (int page = 0; page < pages; page++) {
            long t = System.nanoTime();
            String body = get(http, base + "?" + query);
            latencies[page] = System.nanoTime() - t;
            if (!body.contains("<header")) {
                throw new IllegalStateException(verb + " page " + page + " has no records: " + body);
            }
            Matcher id = IDENTIFIER.matcher(body);
            for (int taken = 0; taken < 5 && id.find(); taken++) {
                identifiers.add(id.group(1));
            }
            Matcher token = TOKEN.matcher(body);
            if (!token.find() || token.group(1).isEmpty()) {
                return Arrays.copyOf(latencies, page + 1);
            }
            query = "verb=" + verb + "&resumptionToken=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
        }
        return latencies;
    }

    /** GetRecord in oai_dc of {@value #GET_RECORDS} identifiers drawn from the list pages, one at a time. */
    private static long[] getRecords(HttpClient http, String base, List<String> identifiers)
            throws IOException, InterruptedException {
        Random random = new Random(7);
        long[] latencies = new long[GET_RECORDS];
        for (int i = 0; i < GET_RECORDS; i++) {
            String identifier = identifiers.get(random.nextInt(identifiers.size()));
            long t = System.nanoTime();
            String body = get(
                    http,
                    base + "?verb=GetRecord&metadataPrefix=oai_dc&identifier="
                            + URLEncoder.encode(identifier, StandardCharsets.UTF_8));
            latencies[i] = System.nanoTime() - t;
            if (!body.contains("<GetRecord>")) {
                throw new IllegalStateException("GetRecord " + identifier + ": " + body);
            }
        }
        return latencies;
    }

    private static String get(HttpClient http, String url) throws IOException, InterruptedException {
        HttpResponse<String> response =
                http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("HTTP " + response.statusCode() + " for " + url + ": " + response.body());
        }
        return response.body();
    }

    private static void report(String label, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf(
                "benchmark: OAI-PMH %-46s %4d requests, latency ms p50 %.1f, p95 %.1f, max %.1f%n",
                label, sorted.length, percentile(sorted, 50), percentile(sorted, 95), sorted[sorted.length - 1] / 1e6);
    }

    private static double percentile(long[] sorted, double percentile) {
        int index = (int) Math.ceil(percentile / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    private static long size(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile)
                    .mapToLong(file -> {
                        try {
                            return Files.size(file);
                        } catch (IOException e) {
                            return 0; // a file Solr removed while we walked
                        }
                    })
                    .sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
