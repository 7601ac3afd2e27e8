package cn.edu.cashl.hub.bench;

import cn.edu.cashl.hub.config.HubConfig;
import cn.edu.cashl.hub.server.Hub;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A full OAI-PMH ListRecords sweep of a COUNT-record catalogue by one harvester over loopback HTTP,
 * keep-alive, following resumption tokens to the end. The catalogue ({@link BenchCatalog}) is
 * written straight into the store, then a hub is started on it. Prints records per second, the
 * page latency at the start, middle and end of the list, and the heap, for docs/benchmarks.md.
 * A warm-up run over the first pages comes first, so that page 1 is timed with a warm JIT, as
 * the deep pages are. Usage: {@code OaiBenchmark DATA_DIR [COUNT] [PREFIX] [PER_PAGE]}.
 */
public final class OaiBenchmark {

    private static final Pattern TOKEN = Pattern.compile("<resumptionToken[^>]*>([^<]*)</resumptionToken>");

    private OaiBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        String prefix = args.length > 2 ? args[2] : "oai_dc";
        int perPage = args.length > 3 ? Integer.parseInt(args[3]) : 100;
        BenchCatalog.populate(data, count);

        HubConfig.OaiConfig oai = HubConfig.DEFAULTS.oai();
        HubConfig config = HubConfig.DEFAULTS
                .withHub(new HubConfig.HubSettings("127.0.0.1", 0, data.toString(), ""))
                .withOai(new HubConfig.OaiConfig(
                        oai.baseUrl(),
                        oai.repositoryName(),
                        oai.repositoryIdentifier(),
                        oai.adminEmail(),
                        perPage,
                        oai.headersPerPage(),
                        oai.tokenLifetimeHours(),
                        oai.tokenKey(),
                        oai.maxConcurrentRequests(),
                        oai.visibilityWaitSeconds()));
        try (Hub hub = Hub.start(config, data)) {
            String base = "http://127.0.0.1:" + hub.port() + "/oai";
            sweep(base, prefix, Math.min(count, 200_000), null);
            HeapWatch.resetPeaks();
            HeapWatch heap = new HeapWatch();
            sweep(base, prefix, count, heap);
        }
        System.out.printf("benchmark: %s%n", HeapWatch.machine());
    }

    /**
     * Harvests the list from its start; with {@code heap} null, only its first {@code count} records
     * (the warm-up), printing nothing.
     */
    private static void sweep(String base, String prefix, int count, HeapWatch heap) throws Exception {
        HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<Long> latencies = new ArrayList<>();
        long records = 0;
        long bytes = 0;
        String query = "verb=ListRecords&metadataPrefix=" + prefix;
        long start = System.nanoTime();
        while (true) {
            long t = System.nanoTime();
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(base + "?" + query)).build(),
                    HttpResponse.BodyHandlers.ofString());
            latencies.add(System.nanoTime() - t);
            if (response.statusCode() != 200) {
                throw new IllegalStateException("HTTP " + response.statusCode() + ": " + response.body());
            }
            String body = response.body();
            bytes += body.length();
            records += TextCount.of(body, "<record>");
            Matcher token = TOKEN.matcher(body);
            if (!token.find() || token.group(1).isEmpty() || (heap == null && records >= count)) {
                break;
            }
            query = "verb=ListRecords&resumptionToken=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (heap == null) {
            return;
        }
        if (records != count) {
            throw new IllegalStateException("the sweep returned " + records + " records, not " + count);
        }
        int pages = latencies.size();
        int window = Math.max(1, Math.min(100, pages / 10));
        System.out.printf(
                "benchmark: ListRecords %s, %,d records in %,d pages of %d, %.1f s = %,.0f records/s, %.0f MB of XML%n",
                prefix, records, pages, records / Math.max(1, pages - 1), seconds, records / seconds, bytes / 1e6);
        System.out.printf(
                "benchmark: page latency ms (median / mean of %d pages): start %s, middle %s, end %s%n",
                window,
                stats(latencies.subList(0, window)),
                stats(latencies.subList(pages / 2 - window / 2, pages / 2 - window / 2 + window)),
                stats(latencies.subList(pages - 1 - window, pages - 1)));
        System.out.printf(
                "benchmark: page 1 %.1f ms, page %,d %.1f ms, last page %.1f ms; %s%n",
                latencies.get(0) / 1e6,
                Math.min(pages, 10_000),
                latencies.get(Math.min(pages, 10_000) - 1) / 1e6,
                latencies.get(pages - 1) / 1e6,
                heap.report());
    }

    private static String stats(List<Long> nanos) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        double mean = Arrays.stream(sorted).average().orElse(0);
        return String.format("%.1f / %.1f", sorted[sorted.length / 2] / 1e6, mean / 1e6);
    }
}
