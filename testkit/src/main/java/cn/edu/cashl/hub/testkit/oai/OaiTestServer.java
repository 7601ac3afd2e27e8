package cn.edu.cashl.hub.testkit.oai;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;

/**
 * An OAI-PMH server on loopback for harvester tests: serves a {@link Feed} over real HTTP and
 * injects faults into chosen ListRecords answers. It logs every request, so that tests can check
 * what the harvester asked for (and how often).
 */
public final class OaiTestServer implements AutoCloseable {

    private final HttpServer server;
    private final Feed feed;
    private final Map<Integer, Fault> faults = new ConcurrentHashMap<>();
    private final Set<String> lostTokens = ConcurrentHashMap.newKeySet();
    private final AtomicInteger pagesServed = new AtomicInteger();
    private final AtomicInteger listRequests = new AtomicInteger();
    private final List<String> log = new CopyOnWriteArrayList<>();
    private volatile long stallMillis = 3000;
    private volatile long delayMillis;

    private OaiTestServer(Feed feed) throws IOException {
        this.feed = feed;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/oai", this::handle);
        server.setExecutor(Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "oai-test-server");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
    }

    public static OaiTestServer start(Feed feed) {
        try {
            return new OaiTestServer(feed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/oai";
    }

    /**
     * Injects a fault into the {@code n}-th ListRecords request (1 for the first), once; a token
     * fault into the first request from the {@code n}-th on that carries a token.
     */
    public OaiTestServer fault(int n, Fault fault) {
        faults.put(n, fault);
        return this;
    }

    /** How long a {@link Fault#STALL} keeps the client waiting. */
    public OaiTestServer stallMillis(long millis) {
        this.stallMillis = millis;
        return this;
    }

    /** A pause before every ListRecords answer, as a slow member server has. */
    public OaiTestServer delayMillis(long millis) {
        this.delayMillis = millis;
        return this;
    }

    /** The query strings received, in order. */
    public List<String> requests() {
        return List.copyOf(log);
    }

    /** How many ListRecords requests were received. */
    public int listRequests() {
        return listRequests.get();
    }

    /** How many ListRecords answers carried records (not an error such as noRecordsMatch, not a fault). */
    public int pagesServed() {
        return pagesServed.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String query = exchange.getRequestURI().getRawQuery();
            log.add(query == null ? "" : query);
            Map<String, String> arguments = arguments(query);
            String verb = arguments.get("verb");
            if ("Identify".equals(verb)) {
                send(exchange, 200, feed.identify(), Map.of());
                return;
            }
            if (!"ListRecords".equals(verb)) {
                send(exchange, 200, Feed.error("badVerb", "not served by the test server"), Map.of());
                return;
            }
            int n = listRequests.incrementAndGet();
            if (delayMillis > 0) {
                sleep(delayMillis);
            }
            Fault fault = faults.remove(n);
            String token = arguments.get("resumptionToken");
            if ((fault == Fault.BAD_RESUMPTION_TOKEN || fault == Fault.LOST_RESUMPTION_TOKEN) && token == null) {
                // A token fault needs a token: it goes to the next request that has one.
                faults.put(n + 1, fault);
                fault = null;
            }
            if (fault == null && token != null && lostTokens.contains(token)) {
                fault = Fault.BAD_RESUMPTION_TOKEN;
            }
            if (fault == null) {
                byte[] page = feed.listRecords(arguments);
                if (!new String(page, 0, Math.min(page.length, 600), StandardCharsets.UTF_8).contains("<error")) {
                    pagesServed.incrementAndGet();
                }
                send(exchange, 200, page, Map.of());
                return;
            }
            inject(exchange, fault, arguments);
        }
    }

    private void inject(HttpExchange exchange, Fault fault, Map<String, String> arguments) throws IOException {
        switch (fault) {
            case UNAVAILABLE_RETRY_AFTER_SECONDS -> send(exchange, 503, bytes("busy"), Map.of("Retry-After", "1"));
            case UNAVAILABLE_RETRY_AFTER_DATE ->
                send(
                        exchange,
                        503,
                        bytes("busy"),
                        Map.of(
                                "Retry-After",
                                DateTimeFormatter.RFC_1123_DATE_TIME.format(
                                        ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(1))));
            case TOO_MANY_REQUESTS -> send(exchange, 429, bytes("slow down"), Map.of());
            case SERVER_ERROR -> send(exchange, 500, bytes("oops"), Map.of());
            case STALL -> {
                sleep(stallMillis);
                send(exchange, 200, feed.listRecords(arguments), Map.of());
            }
            case DROP_CONNECTION -> {
                byte[] page = feed.listRecords(arguments);
                exchange.getResponseHeaders().set("Content-Type", "text/xml; charset=UTF-8");
                exchange.sendResponseHeaders(200, page.length);
                OutputStream body = exchange.getResponseBody();
                body.write(page, 0, page.length / 2);
                body.flush();
                // Closing the exchange now leaves the body short of its Content-Length.
            }
            case TRUNCATED_PAGE -> {
                byte[] page = feed.listRecords(arguments);
                byte[] half = Arrays.copyOf(page, page.length / 2);
                send(exchange, 200, half, Map.of());
            }
            case INVALID_CHARACTERS ->
                send(exchange, 200, withInvalidCharacters(feed.listRecords(arguments)), Map.of());
            case BAD_RESUMPTION_TOKEN ->
                send(exchange, 200, Feed.error("badResumptionToken", "the token expired"), Map.of());
            case LOST_RESUMPTION_TOKEN -> {
                if (arguments.get("resumptionToken") != null) {
                    lostTokens.add(arguments.get("resumptionToken"));
                }
                send(exchange, 200, Feed.error("badResumptionToken", "the token is lost"), Map.of());
            }
            case REPEATED_TOKEN -> {
                byte[] page = feed.listRecords(arguments);
                String asked = arguments.get("resumptionToken");
                String own = feed.tokenOf(page);
                String text = new String(page, StandardCharsets.UTF_8);
                if (asked != null && own != null) {
                    text = text.replace(">" + own + "</resumptionToken>", ">" + escape(asked) + "</resumptionToken>");
                }
                send(exchange, 200, bytes(text), Map.of());
            }
            case UNANNOUNCED_GZIP -> {
                ByteArrayOutputStream zipped = new ByteArrayOutputStream();
                try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
                    gzip.write(feed.listRecords(arguments));
                }
                send(exchange, 200, zipped.toByteArray(), Map.of());
            }
            case DEFLATE -> {
                ByteArrayOutputStream deflated = new ByteArrayOutputStream();
                try (DeflaterOutputStream deflate = new DeflaterOutputStream(deflated)) {
                    deflate.write(feed.listRecords(arguments));
                }
                send(exchange, 200, deflated.toByteArray(), Map.of("Content-Encoding", "deflate"));
            }
        }
    }

    /** Puts U+0007 and the invalid UTF-8 bytes 0xC3 0x28 into the first record's title. */
    static byte[] withInvalidCharacters(byte[] page) {
        String text = new String(page, StandardCharsets.UTF_8);
        int title = text.indexOf("<dc:title>");
        int marcTitle = text.indexOf("tag=\"245\"");
        int insert = title >= 0
                ? title + "<dc:title>".length()
                : marcTitle >= 0 ? text.indexOf('>', text.indexOf("code=\"a\"", marcTitle)) + 1 : -1;
        if (insert <= 0) {
            return page;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] before = text.substring(0, insert).getBytes(StandardCharsets.UTF_8);
        out.write(before, 0, before.length);
        out.write(new byte[] {0x07, (byte) 0xC3, 0x28}, 0, 3);
        byte[] after = text.substring(insert).getBytes(StandardCharsets.UTF_8);
        out.write(after, 0, after.length);
        return out.toByteArray();
    }

    private static String escape(String token) {
        return token.replace("&", "&amp;").replace("<", "&lt;");
    }

    private static void send(HttpExchange exchange, int status, byte[] body, Map<String, String> headers)
            throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/xml; charset=UTF-8");
        headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static Map<String, String> arguments(String query) {
        Map<String, String> arguments = new HashMap<>();
        if (query == null) {
            return arguments;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                arguments.put(
                        URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return arguments;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the server at once. */
    @Override
    public void close() {
        server.stop(0);
        ((ExecutorService) server.getExecutor()).shutdownNow();
    }

    /** The list requests' queries, for assertions. */
    public List<String> listQueries() {
        List<String> list = new ArrayList<>();
        for (String query : log) {
            if (query.contains("verb=ListRecords")) {
                list.add(query);
            }
        }
        return list;
    }
}
