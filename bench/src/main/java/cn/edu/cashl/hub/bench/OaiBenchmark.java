package cn.edu.cashl.hub.bench;

import cn.edu.cashl.hub.catalog.Collection;
import cn.edu.cashl.hub.catalog.StoredRecord;
import cn.edu.cashl.hub.catalog.solr.SolrCatalogStore;
import cn.edu.cashl.hub.catalog.solr.SolrSettings;
import cn.edu.cashl.hub.catalog.solr.SolrStores;
import cn.edu.cashl.hub.config.HubConfig;
import cn.edu.cashl.hub.server.Hub;
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

/**
 * A full OAI-PMH ListRecords sweep of a COUNT-record catalogue by one harvester over loopback HTTP,
 * keep-alive, following resumption tokens to the end. The catalogue is written straight into the
 * store (master records with their source records, as deduplication leaves them), then a hub is
 * started on it. Prints records per second, the page latency at the start, middle and end of the
 * list, and the heap, for docs/benchmarks.md.
 * A warm-up run over the first pages comes first, so that page 1 is timed with a warm JIT, as
 * the deep pages are. Usage: {@code OaiBenchmark DATA_DIR [COUNT] [PREFIX] [PER_PAGE]}.
 */
public final class OaiBenchmark {

    private static final Pattern TOKEN = Pattern.compile("<resumptionToken[^>]*>([^<]*)</resumptionToken>");
    private static final String[] LIBRARIES = {"pku", "fudan", "sjtu", "zju", "whu", "nju", "sysu", "ruc", "bnu", "nku"};
    private static final String[] WORDS = ("history society culture economy politics philosophy language literature law "
            + "education religion china europe modern ancient theory practice reform empire revolution city village "
            + "market state war peace art music memory identity migration gender labour trade").split(" ");

    private OaiBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        String prefix = args.length > 2 ? args[2] : "oai_dc";
        int perPage = args.length > 3 ? Integer.parseInt(args[3]) : 100;
        if (Files.exists(data)) {
            throw new IllegalArgumentException(data + " exists: the benchmark needs a fresh data directory");
        }
        long t0 = System.nanoTime();
        populate(data, count);
        System.out.printf("benchmark: wrote %,d master records (and their source records) in %.0f s%n", count,
                (System.nanoTime() - t0) / 1e9);

        HubConfig.OaiConfig oai = HubConfig.DEFAULTS.oai();
        HubConfig config = HubConfig.DEFAULTS.withHub(new HubConfig.HubSettings("127.0.0.1", 0, data.toString(), ""))
                .withOai(new HubConfig.OaiConfig(oai.baseUrl(), oai.repositoryName(), oai.repositoryIdentifier(), oai.adminEmail(),
                        perPage, oai.headersPerPage(), oai.tokenLifetimeHours(), oai.tokenKey(), oai.maxConcurrentRequests(),
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
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<Long> latencies = new ArrayList<>();
        long records = 0;
        long bytes = 0;
        String query = "verb=ListRecords&metadataPrefix=" + prefix;
        long start = System.nanoTime();
        while (true) {
            long t = System.nanoTime();
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "?" + query)).build(),
                    HttpResponse.BodyHandlers.ofString());
            latencies.add(System.nanoTime() - t);
            if (response.statusCode() != 200) {
                throw new IllegalStateException("HTTP " + response.statusCode() + ": " + response.body());
            }
            String body = response.body();
            bytes += body.length();
            records += occurrences(body, "<record>");
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
        System.out.printf("benchmark: ListRecords %s, %,d records in %,d pages of %d, %.1f s = %,.0f records/s, %.0f MB of XML%n",
                prefix, records, pages, records / Math.max(1, pages - 1), seconds, records / seconds, bytes / 1e6);
        System.out.printf("benchmark: page latency ms (median / mean of %d pages): start %s, middle %s, end %s%n", window,
                stats(latencies.subList(0, window)), stats(latencies.subList(pages / 2 - window / 2, pages / 2 - window / 2 + window)),
                stats(latencies.subList(pages - 1 - window, pages - 1)));
        System.out.printf("benchmark: page 1 %.1f ms, page %,d %.1f ms, last page %.1f ms; %s%n", latencies.get(0) / 1e6,
                Math.min(pages, 10_000), latencies.get(Math.min(pages, 10_000) - 1) / 1e6, latencies.get(pages - 1) / 1e6, heap.report());
    }

    private static String stats(List<Long> nanos) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        double mean = Arrays.stream(sorted).average().orElse(0);
        return String.format("%.1f / %.1f", sorted[sorted.length / 2] / 1e6, mean / 1e6);
    }

    private static int occurrences(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + what.length())) {
            n++;
        }
        return n;
    }

    /** COUNT master records, each with one or two source records, in (datestamp, id) clumps of 2,000 per second. */
    private static void populate(Path data, int count) {
        Random random = new Random(2026);
        Instant base = Instant.parse("2026-06-01T00:00:00Z");
        try (SolrCatalogStore store = SolrStores.open(SolrSettings.EMBEDDED, data)) {
            List<StoredRecord> masters = new ArrayList<>();
            List<StoredRecord> sources = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String library = LIBRARIES[random.nextInt(LIBRARIES.length)];
                String second = random.nextInt(4) == 0 ? LIBRARIES[random.nextInt(LIBRARIES.length)] : null;
                String id = library + ":b" + i;
                Instant datestamp = base.plusSeconds(i / 2000);
                StoredRecord.Builder master = StoredRecord.builder(id, datestamp).xml(record(id, library, second, i, random))
                        .set("type:book").set("library:" + library).library(library);
                List<String> members = new ArrayList<>(List.of(id));
                sources.add(source(id, library, datestamp));
                if (second != null && !second.equals(library)) {
                    master.set("library:" + second).library(second);
                    members.add(second + ":c" + i);
                    sources.add(source(second + ":c" + i, second, datestamp));
                }
                String key = "\tisbn:" + i;
                masters.add(master.field("member", members).field("cluster", members.stream().map(m -> m + key).toList()).build());
                if (masters.size() == 5_000) {
                    store.put(Collection.CATALOG, masters);
                    store.put(Collection.SOURCE, sources);
                    masters.clear();
                    sources.clear();
                }
            }
            store.put(Collection.CATALOG, masters);
            store.put(Collection.SOURCE, sources);
            store.commit();
        }
    }

    private static StoredRecord source(String id, String library, Instant harvested) {
        return StoredRecord.builder(id, harvested).source(library).status("accepted")
                .field("oai_id_s", "oai:" + library + ".edu.cn:" + id).field("oai_datestamp_s", harvested.toString())
                .field("format_s", "MARC21").field("local_id_s", id.substring(id.indexOf(':') + 1)).build();
    }

    /** A canonical record of ordinary size (about 2 KB): title, authors, imprint, subjects, holdings. */
    private static String record(String id, String library, String second, int n, Random random) {
        StringBuilder xml = new StringBuilder(2400);
        xml.append("<record xmlns=\"https://ns.cashl.edu.cn/record/v1\" id=\"").append(id)
                .append("\" type=\"book\" schemaVersion=\"1.0\"><identifiers><isbn>").append(isbn(n))
                .append("</isbn><local source=\"").append(library).append("\">b").append(n).append("</local></identifiers>");
        xml.append("<title><main>").append(words(random, 4)).append("</main><sub>").append(words(random, 6)).append("</sub></title>");
        for (int a = 0, authors = 1 + random.nextInt(3); a < authors; a++) {
            xml.append("<contributor kind=\"person\"><name>").append(capital(WORDS[random.nextInt(WORDS.length)]))
                    .append(", ").append(capital(WORDS[random.nextInt(WORDS.length)])).append("</name><role>aut</role></contributor>");
        }
        xml.append("<publication><place>London</place><publisher>").append(capital(words(random, 2)))
                .append(" Press</publisher><year>").append(1950 + random.nextInt(75)).append("</year></publication>")
                .append("<extent>").append(150 + random.nextInt(500)).append(" p. ; 24 cm</extent><language>eng</language>");
        for (int s = 0, subjects = 2 + random.nextInt(3); s < subjects; s++) {
            xml.append("<subject scheme=\"lcsh\">").append(capital(words(random, 2))).append(" -- ")
                    .append(capital(WORDS[random.nextInt(WORDS.length)])).append("</subject>");
        }
        xml.append("<discipline rule=\"bench\">hss</discipline>");
        holding(xml, library, "b" + n);
        if (second != null && !second.equals(library)) {
            holding(xml, second, "c" + n);
        }
        xml.append("<provenance source=\"").append(library).append("\" sourceIdentifier=\"b").append(n)
                .append("\" harvestedAt=\"2026-06-01T00:00:00Z\" crosswalk=\"marc21-to-cashl@1\"/></record>");
        return xml.toString();
    }

    private static void holding(StringBuilder xml, String library, String localId) {
        xml.append("<holding library=\"").append(library).append("\" localId=\"").append(localId)
                .append("\" form=\"print\"><callNumber>D").append(localId.hashCode() & 0xFFF).append(" .A1</callNumber></holding>");
    }

    private static String words(Random random, int n) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < n; i++) {
            text.append(i == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
        }
        return text.toString();
    }

    private static String capital(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static String isbn(int n) {
        String twelve = "978" + String.format("%09d", n);
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (twelve.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
        }
        return twelve + (10 - sum % 10) % 10;
    }
}
