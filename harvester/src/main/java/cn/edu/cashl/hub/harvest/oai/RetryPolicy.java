package cn.edu.cashl.hub.harvest.oai;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How long to wait before trying a failed request again: exponential backoff with full jitter
 * (so that a consortium's harvests do not return to a recovering server in step), or the server's
 * own {@code Retry-After}, in seconds or as an HTTP date, never longer than the cap.
 *
 * @param attempts tries in all, the first included
 * @param base     the first backoff
 * @param cap      the longest wait, backoff or Retry-After
 */
public record RetryPolicy(int attempts, Duration base, Duration cap) {

    public RetryPolicy {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1");
        }
    }

    /** The pause after the {@code failures}-th failure (1 for the first), without a Retry-After. */
    public Duration backoff(int failures) {
        long ceiling = Math.min(cap.toMillis(), base.toMillis() << Math.min(failures - 1, 20));
        // Half fixed, half random: never zero, never in step.
        long half = ceiling / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(half + 1));
    }

    /**
     * The wait a {@code Retry-After} header asks for, capped; null when the header is absent or
     * unreadable (then the backoff applies).
     */
    public Duration retryAfter(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.strip();
        Duration wait;
        try {
            wait = Duration.ofSeconds(Math.max(0, Long.parseLong(value)));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME)
                        .toInstant();
                wait = Duration.between(now, at);
                wait = wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException notDate) {
                return null;
            }
        }
        return wait.compareTo(cap) > 0 ? cap : wait;
    }

    /**
     * What follows the {@code attempt}-th answer that could not be used (a page that stayed broken):
     * a pause, reported to the listener, before the next try; or, once the tries are spent, a fault
     * that stops the run there, never skipping the page.
     */
    public void unusableAnswer(int attempt, String problem, FetchListener listener)
            throws HarvestFault, InterruptedException {
        if (attempt >= attempts) {
            throw new HarvestFault(problem + " (after " + attempt + " attempts; the page was not skipped)");
        }
        long wait = backoff(attempt).toMillis();
        listener.retrying(problem + " (attempt " + attempt + " of " + attempts + ")", wait);
        Thread.sleep(wait);
    }
}
