package cn.edu.cashl.hub.harvest.crossref;

import cn.edu.cashl.hub.testkit.TestData;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;

/**
 * Crossref's works route on loopback, replaying real works of the shared test data (works the
 * API gave for single DOIs, made into {@code work-list} pages here) as the API serves them: the
 * {@code issn} filters OR'ed, {@code from-update-date} against a work's {@code deposited} date,
 * {@code rows} works a page, cursor paging from {@code *} with a fresh cursor for every page (and one
 * on the empty page after the last), the rate-limit headers, gzip when asked for, and Crossref's
 * {@code validation-failure} answers. It checks every request's shape (path, parameters, mailto in
 * the query and in the User-Agent) and keeps what it found wrong in {@link #problems()}. Faults on
 * demand: 429 with {@code Retry-After}, 503 from a page on, a refusal, forgotten cursors.
 */
public final class CrossrefTestServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> PARAMETERS = Set.of("filter", "rows", "cursor", "mailto");

    /** One request as the server understood it, and the status it answered. */
    public record Request(List<String> issns, String fromUpdateDate, String cursor, int rows, int status) {}

    /** Where a cursor leads: the page at {@code offset} of the query with this filter. */
    private record Place(String filter, int offset) {}

    private final HttpServer server;
    private final List<ObjectNode> works;
    private final String mailto;
    private final Map<String, Place> cursors = new ConcurrentHashMap<>();
    private final AtomicInteger issued = new AtomicInteger();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final List<String> problems = new CopyOnWriteArrayList<>();
    private final AtomicInteger throttled = new AtomicInteger();
    private volatile String retryAfter = "1";
    private volatile int failFromPage = Integer.MAX_VALUE;
    private volatile String refusal;

    private CrossrefTestServer(List<ObjectNode> works, String mailto) throws IOException {
        this.works = new CopyOnWriteArrayList<>(works);
        this.mailto = mailto;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            try {
                answer(exchange);
            } catch (RuntimeException | IOException e) {
                problems.add("the server failed: " + e);
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    /** A server of these works, expecting this contact address on every request. */
    public static CrossrefTestServer start(List<ObjectNode> works, String mailto) throws IOException {
        return new CrossrefTestServer(works, mailto);
    }

    /**
     * The works of the shared test data: five single-work answers of the API (four journal articles
     * and a book) and a bare work, in that order. Skips the calling test when the data is absent.
     */
    public static List<ObjectNode> sharedWorks() {
        List<ObjectNode> works = new ArrayList<>();
        for (String name : List.of("test1", "test2", "test3", "test5", "test6")) {
            works.add((ObjectNode)
                    read(TestData.file("articles/abbotsbury/" + name + ".json")).get("message"));
        }
        works.add((ObjectNode) read(TestData.file("articles/commonmeta-py/crossref.json")));
        return works;
    }

    /**
     * Writes the journal list {@code id} into {@code configDir/journals} for {@link #sharedWorks()}:
     * Organic Letters and Nature, 46 journals of one ISSN each after them (so that the first query of
     * 50 ISSNs is full), then Nature Reviews Methods Primers, Lecture Notes in Chemistry and eLife,
     * which make the second query. Returns the file.
     */
    public static Path writeJournalList(Path configDir, String id) throws IOException {
        List<String> rows = new ArrayList<>();
        rows.add("issn_l\tprint_issn\tonline_issn\ttitle");
        rows.add("1523-7060\t1523-7060\t1523-7052\tOrganic Letters");
        rows.add("0028-0836\t0028-0836\t1476-4687\tNature");
        for (int i = 0; i < 46; i++) {
            String issn = issn(9_000_000 + i);
            rows.add(issn + "\t" + issn + "\t\tJournal " + i);
        }
        rows.add("2662-8449\t\t2662-8449\tNature Reviews Methods Primers");
        rows.add("0342-4901\t0342-4901\t2192-6603\tLecture Notes in Chemistry");
        rows.add("2050-084X\t\t2050-084X\teLife");
        Path file = Files.createDirectories(configDir.resolve("journals")).resolve(id + ".tsv");
        Files.write(file, rows);
        return file;
    }

    /** A valid ISSN from seven digits. */
    static String issn(int seven) {
        String digits = String.format("%07d", seven);
        int sum = 0;
        for (int i = 0; i < 7; i++) {
            sum += (digits.charAt(i) - '0') * (8 - i);
        }
        int check = (11 - sum % 11) % 11;
        return digits.substring(0, 4) + "-" + digits.substring(4) + (check == 10 ? "X" : String.valueOf(check));
    }

    /** The works route, as a source's url. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/works";
    }

    /** Every request so far, in order. */
    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** What was wrong with the requests; empty when every one had the shape of a real client's. */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    /** The next {@code times} requests are answered 429 with this Retry-After. */
    public void throttle(int times, String retryAfterHeader) {
        retryAfter = retryAfterHeader;
        throttled.set(times);
    }

    /** Every request for page {@code page} (1 first) of a query or a later one is answered 503, until {@link #heal()}. */
    public void failFromPage(int page) {
        failFromPage = page;
    }

    /** No more failures or refusals. */
    public void heal() {
        failFromPage = Integer.MAX_VALUE;
        refusal = null;
    }

    /** Every request is refused with a validation failure saying this, until {@link #heal()}. */
    public void refuse(String message) {
        refusal = message;
    }

    /** The cursors issued so far are forgotten, as Crossref forgets a cursor unused for minutes. */
    public void forgetCursors() {
        cursors.clear();
    }

    /** The work with this DOI was deposited again on this day: a from-update-date up to it brings it. */
    public void deposit(String doi, LocalDate day) {
        for (ObjectNode work : works) {
            if (work.path("DOI").asText().equalsIgnoreCase(doi)) {
                ObjectNode deposited = work.putObject("deposited");
                deposited
                        .putArray("date-parts")
                        .addArray()
                        .add(day.getYear())
                        .add(day.getMonthValue())
                        .add(day.getDayOfMonth());
                deposited.put("date-time", day + "T00:00:00Z");
                deposited.put("timestamp", day.toEpochDay() * 86_400_000L);
            }
        }
    }

    private void answer(HttpExchange exchange) throws IOException {
        if (!exchange.getRequestURI().getPath().equals("/works")) {
            problems.add("a request for " + exchange.getRequestURI().getPath() + ", not /works");
            send(exchange, 404, "text/plain", "Resource not found.".getBytes(StandardCharsets.UTF_8));
            return;
        }
        Map<String, String> parameters = parameters(exchange.getRequestURI().getRawQuery());
        String agent = exchange.getRequestHeaders().getFirst("User-Agent");
        if (agent == null || !agent.contains("mailto:" + mailto)) {
            problems.add("User-Agent without mailto:" + mailto + ": " + agent);
        }
        if (!mailto.equals(parameters.get("mailto"))) {
            problems.add("mailto " + parameters.get("mailto") + ", not " + mailto);
        }
        for (String name : parameters.keySet()) {
            if (!PARAMETERS.contains(name)) {
                problems.add("an unexpected parameter " + name);
            }
        }
        String filter = parameters.getOrDefault("filter", "");
        List<String> issns = new ArrayList<>();
        String from = null;
        for (String part : filter.split(",")) {
            int colon = part.indexOf(':');
            String name = colon < 0 ? part : part.substring(0, colon);
            String value = colon < 0 ? "" : part.substring(colon + 1);
            switch (name) {
                case "issn" -> {
                    if (!value.matches("\\d{4}-\\d{3}[\\dX]")) {
                        problems.add("issn filter value " + value);
                    }
                    issns.add(value);
                }
                case "from-update-date" -> from = value;
                default -> {
                    problems.add("filter " + part);
                    refuse(
                            exchange,
                            issns,
                            from,
                            parameters,
                            "Filter " + name + " specified but there is no such filter");
                    return;
                }
            }
        }
        if (issns.isEmpty()) {
            problems.add("no issn filter: " + filter);
        }
        int rows = parameters.containsKey("rows") ? Integer.parseInt(parameters.get("rows")) : -1;
        if (rows < 1 || rows > 1000) {
            problems.add("rows " + parameters.get("rows"));
            rows = 20;
        }
        String cursor = parameters.get("cursor");
        Place place;
        if ("*".equals(cursor)) {
            place = new Place(filter, 0);
        } else {
            if (cursor == null) {
                problems.add("no cursor");
            }
            place = cursor == null ? null : cursors.get(cursor);
            if (place == null || !place.filter().equals(filter)) {
                requests.add(new Request(issns, from, cursor, rows, 400));
                send(
                        exchange,
                        400,
                        "application/json",
                        failure("Cursor " + cursor + " is not valid", "invalid-cursor"));
                return;
            }
        }
        if (throttled.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            requests.add(new Request(issns, from, cursor, rows, 429));
            exchange.getResponseHeaders().set("Retry-After", retryAfter);
            send(exchange, 429, "text/plain", "Too Many Requests".getBytes(StandardCharsets.UTF_8));
            return;
        }
        if (place.offset() / rows + 1 >= failFromPage) {
            requests.add(new Request(issns, from, cursor, rows, 503));
            exchange.getResponseHeaders().set("Retry-After", "1");
            send(exchange, 503, "text/plain", "Service Unavailable".getBytes(StandardCharsets.UTF_8));
            return;
        }
        if (refusal != null) {
            refuse(exchange, issns, from, parameters, refusal);
            return;
        }
        List<ObjectNode> matched = new ArrayList<>();
        for (ObjectNode work : works) {
            if (matches(work, issns, from)) {
                matched.add(work);
            }
        }
        List<ObjectNode> page = matched.subList(
                Math.min(place.offset(), matched.size()), Math.min(place.offset() + rows, matched.size()));
        // Real cursors hold characters a URL must escape.
        String next = "DXF1ZXJ5" + issued.incrementAndGet() + "+/=";
        cursors.put(next, new Place(filter, place.offset() + page.size()));
        requests.add(new Request(issns, from, cursor, rows, 200));
        send(exchange, 200, "application/json;charset=utf-8", workList(page, matched.size(), next, rows));
    }

    private void refuse(
            HttpExchange exchange, List<String> issns, String from, Map<String, String> parameters, String message)
            throws IOException {
        int rows = parameters.containsKey("rows") ? Integer.parseInt(parameters.get("rows")) : -1;
        requests.add(new Request(issns, from, parameters.get("cursor"), rows, 400));
        send(exchange, 400, "application/json;charset=UTF-8", failure(message, "validation-failure"));
    }

    /** The work carries one of the ISSNs, and was deposited on or after {@code from} (when given). */
    private static boolean matches(JsonNode work, List<String> issns, String from) {
        boolean issn = false;
        for (JsonNode value : work.path("ISSN")) {
            issn |= issns.contains(value.asText());
        }
        if (!issn) {
            return false;
        }
        if (from == null) {
            return true;
        }
        String deposited = work.path("deposited").path("date-time").asText("");
        return deposited.length() >= 10 && deposited.substring(0, 10).compareTo(from) >= 0;
    }

    private static byte[] workList(List<ObjectNode> items, int total, String next, int rows) {
        ObjectNode answer = JSON.createObjectNode();
        answer.put("status", "ok");
        answer.put("message-type", "work-list");
        answer.put("message-version", "1.0.0");
        ObjectNode message = answer.putObject("message");
        message.putObject("facets");
        message.put("next-cursor", next);
        message.put("total-results", total);
        ArrayNode array = message.putArray("items");
        items.forEach(array::add);
        message.put("items-per-page", rows);
        ObjectNode query = message.putObject("query");
        query.put("start-index", 0);
        query.putNull("search-terms");
        return bytes(answer);
    }

    /** A failed answer as Crossref gives one for a request it does not accept. */
    private static byte[] failure(String text, String type) {
        ObjectNode answer = JSON.createObjectNode();
        answer.put("status", "failed");
        answer.put("message-type", "validation-failure");
        ObjectNode item = answer.putArray("message").addObject();
        item.put("type", type);
        item.put("value", "");
        item.put("message", text);
        return bytes(answer);
    }

    private void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("X-Rate-Limit-Limit", "50");
        exchange.getResponseHeaders().set("X-Rate-Limit-Interval", "1s");
        String accepted = exchange.getRequestHeaders().getFirst("Accept-Encoding");
        if (accepted != null && accepted.contains("gzip") && status == 200) {
            ByteArrayOutputStream zipped = new ByteArrayOutputStream();
            try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
                gzip.write(body);
            }
            body = zipped.toByteArray();
            exchange.getResponseHeaders().set("Content-Encoding", "gzip");
        }
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private Map<String, String> parameters(String rawQuery) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (rawQuery == null) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            if (parameters.put(name, value) != null) {
                problems.add("parameter " + name + " given twice");
            }
        }
        return parameters;
    }

    private static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The requests that asked for the first page of a query on these ISSNs. */
    public List<Request> firstPages(List<String> issns) {
        List<Request> first = new ArrayList<>();
        for (Request request : requests) {
            if ("*".equals(request.cursor()) && request.issns().equals(issns)) {
                first.add(request);
            }
        }
        return Collections.unmodifiableList(first);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
