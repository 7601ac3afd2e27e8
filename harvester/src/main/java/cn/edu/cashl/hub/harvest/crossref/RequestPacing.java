package cn.edu.cashl.hub.harvest.crossref;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps requests to Crossref within the rate it announces with every answer: {@code X-Rate-Limit-Limit}
 * requests per {@code X-Rate-Limit-Interval} (e.g. 50 per {@code 1s}), so one request every
 * interval / limit at most. A client that goes faster is answered 429 and, if it persists, blocked;
 * a 429 that comes anyway is waited out by the fetcher's {@code Retry-After} handling. One instance per
 * client, used by one thread.
 */
final class RequestPacing {

    private static final Pattern INTERVAL = Pattern.compile("(\\d+)\\s*(ms|s|m|h)?");

    private final Duration cap;
    private Duration spacing = Duration.ZERO;
    private long lastStart;
    private boolean started;

    /** @param cap the longest spacing honoured, whatever the headers say */
    RequestPacing(Duration cap) {
        this.cap = cap;
    }

    /** Waits until the next request may start, and counts it as started. */
    void await() throws InterruptedException {
        long now = System.nanoTime();
        if (started) {
            long wait = lastStart + spacing.toNanos() - now;
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
                now = System.nanoTime();
            }
        }
        lastStart = now;
        started = true;
    }

    /** Takes the rate an answer announces; headers that say nothing readable keep the last one. */
    void update(HttpHeaders headers) {
        Duration announced = spacing(
                headers.firstValue("X-Rate-Limit-Limit").orElse(null),
                headers.firstValue("X-Rate-Limit-Interval").orElse(null));
        if (announced != null) {
            spacing = announced.compareTo(cap) > 0 ? cap : announced;
        }
    }

    /** The spacing now in force. */
    Duration spacing() {
        return spacing;
    }

    /**
     * The least time between two requests for {@code limit} requests per {@code interval}
     * ({@code 1s}, {@code 500ms}, {@code 1m}, or plain seconds); null when either is missing or
     * unreadable.
     */
    static Duration spacing(String limit, String interval) {
        if (limit == null || interval == null) {
            return null;
        }
        long requests;
        try {
            requests = Long.parseLong(limit.strip());
        } catch (NumberFormatException e) {
            return null;
        }
        Matcher matcher = INTERVAL.matcher(interval.strip().toLowerCase(Locale.ROOT));
        if (requests < 1 || !matcher.matches()) {
            return null;
        }
        long amount = Long.parseLong(matcher.group(1));
        String unit = matcher.group(2) == null ? "s" : matcher.group(2);
        Duration length = switch (unit) {
            case "ms" -> Duration.ofMillis(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofSeconds(amount);
        };
        return length.dividedBy(requests);
    }
}
