package cn.edu.cashl.hub.bench;

import cn.edu.cashl.hub.bench.SruQueries.Kind;
import cn.edu.cashl.hub.bench.SruQueries.Query;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Closed-loop load on the SRU endpoint: C clients, each with its own keep-alive HTTP/1.1
 * connection, each sending its next request as soon as the last is answered, for a fixed time.
 * The clients take the queries in turn from one shared rotation, which goes on from run to run,
 * so no run starts over on queries Solr has just cached.
 */
final class SruLoad {

    private final String base;
    private final List<Query> queries;
    /** One client per worker, kept across runs: each holds its one connection open. */
    private final List<HttpClient> clients = new ArrayList<>();

    private final AtomicLong next = new AtomicLong();

    SruLoad(String base, List<Query> queries, int maxClients) {
        this.base = base;
        this.queries = queries;
        for (int i = 0; i < maxClients; i++) {
            clients.add(HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10))
                    .build());
        }
    }

    /** Runs one workload with {@code concurrency} clients for about {@code duration}. */
    Result run(SruWorkload workload, int concurrency, Duration duration) throws InterruptedException {
        long deadline = System.nanoTime() + duration.toNanos();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Samples[] samples = new Samples[concurrency];
        List<Thread> workers = new ArrayList<>();
        long start = System.nanoTime();
        for (int w = 0; w < concurrency; w++) {
            Samples mine = samples[w] = new Samples();
            HttpClient http = clients.get(w);
            Thread worker = new Thread(
                    () -> {
                        try {
                            while (System.nanoTime() < deadline && failure.get() == null) {
                                long serial = next.getAndIncrement();
                                Query query = queries.get((int) (serial % queries.size()));
                                String cql = workload.cql(query.cql(), serial);
                                HttpRequest request = HttpRequest.newBuilder(
                                                URI.create(base + "?" + workload.queryString(cql)))
                                        .timeout(Duration.ofSeconds(60))
                                        .build();
                                long t = System.nanoTime();
                                HttpResponse<String> response =
                                        http.send(request, HttpResponse.BodyHandlers.ofString());
                                long nanos = System.nanoTime() - t;
                                mine.add(
                                        query.kind(),
                                        nanos,
                                        workload.check(cql, response),
                                        response.body().length());
                            }
                        } catch (Throwable e) {
                            failure.compareAndSet(null, e);
                        }
                    },
                    "sru-client-" + w);
            workers.add(worker);
            worker.start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (failure.get() != null) {
            throw new IllegalStateException(workload.label + " with " + concurrency + " clients failed", failure.get());
        }
        return new Result(workload, concurrency, seconds, Samples.merge(samples));
    }

    /** What the clients of one run saw. */
    record Result(SruWorkload workload, int clients, double seconds, Samples samples) {

        double perSecond() {
            return samples.count() / seconds;
        }

        /** The latency at a percentile (0 to 100) in milliseconds, over every request or one kind. */
        double millis(double percentile, Kind kind) {
            long[] sorted = samples.sortedNanos(kind);
            if (sorted.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(percentile / 100 * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
        }

        String line() {
            return String.format(
                    "%-24s C=%d: %,7d requests in %.1f s = %,6.0f req/s; latency ms p50 %.1f, p95 %.1f, "
                            + "p99 %.1f, max %.1f; %.1f KB per answer",
                    workload.label,
                    clients,
                    samples.count(),
                    seconds,
                    perSecond(),
                    millis(50, null),
                    millis(95, null),
                    millis(99, null),
                    millis(100, null),
                    samples.bytes() / 1024.0 / Math.max(1, samples.count()));
        }

        /** Per kind of query: its share, median and 95th percentile latency, and how many records it finds on average. */
        List<String> kindLines() {
            List<String> lines = new ArrayList<>();
            for (Kind kind : Kind.values()) {
                lines.add(String.format(
                        "    %-26s %,6d requests, p50 %5.1f ms, p95 %5.1f ms, %,9.0f hits on average",
                        kind.label,
                        samples.sortedNanos(kind).length,
                        millis(50, kind),
                        millis(95, kind),
                        samples.meanHits(kind)));
            }
            return lines;
        }
    }

    /** Latencies with their query kinds, hits and answer sizes; one per client thread, merged after the run. */
    static final class Samples {
        private long[] nanos = new long[4096];
        private byte[] kinds = new byte[4096];
        private final long[] hits = new long[Kind.values().length];
        private int count;
        private long bytes;

        void add(Kind kind, long latency, long found, int length) {
            if (count == nanos.length) {
                nanos = Arrays.copyOf(nanos, count * 2);
                kinds = Arrays.copyOf(kinds, count * 2);
            }
            nanos[count] = latency;
            kinds[count++] = (byte) kind.ordinal();
            hits[kind.ordinal()] += found;
            bytes += length;
        }

        int count() {
            return count;
        }

        long bytes() {
            return bytes;
        }

        /** The latencies of one kind of query (all of them for null), sorted. */
        long[] sortedNanos(Kind kind) {
            long[] selected = new long[count];
            int n = 0;
            for (int i = 0; i < count; i++) {
                if (kind == null || kinds[i] == kind.ordinal()) {
                    selected[n++] = nanos[i];
                }
            }
            long[] sorted = Arrays.copyOf(selected, n);
            Arrays.sort(sorted);
            return sorted;
        }

        double meanHits(Kind kind) {
            int n = sortedNanos(kind).length;
            return n == 0 ? 0 : (double) hits[kind.ordinal()] / n;
        }

        static Samples merge(Samples[] parts) {
            Samples all = new Samples();
            for (Samples part : parts) {
                for (int i = 0; i < part.count; i++) {
                    all.add(Kind.values()[part.kinds[i]], part.nanos[i], 0, 0);
                }
                for (int k = 0; k < all.hits.length; k++) {
                    all.hits[k] += part.hits[k];
                }
                all.bytes += part.bytes;
            }
            return all;
        }
    }
}
