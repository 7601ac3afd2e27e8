package cn.edu.cashl.hub.admin.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing down: after {@code maxFailures} failed logins for one account name within
 * the lockout period, that name is refused for the rest of the period; a client address gets ten
 * times as many attempts (it may try several names, or be a proxy for several people) before it is
 * refused too. A success clears the
 * account's count. Kept in memory on each node: a guesser spread over a cluster's nodes gets a few
 * more tries per node, which Argon2's cost still makes slow.
 */
public final class LoginThrottle {

    private static final int MAX_TRACKED = 100_000;
    private static final int ADDRESS_FACTOR = 10;

    private final int maxFailures;
    private final Duration lockout;
    private final Clock clock;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    public LoginThrottle(int maxFailures, Duration lockout, Clock clock) {
        this.maxFailures = maxFailures;
        this.lockout = lockout;
        this.clock = clock;
    }

    /**
     * Counts a login attempt before its password is checked, so that attempts made in parallel count
     * too: empty when it may go ahead, else how long the name or the address must still wait.
     * {@link #succeeded} takes the attempt back.
     */
    public Optional<Duration> attempt(String user, String address) {
        Instant now = clock.instant();
        if (failures.size() > MAX_TRACKED) {
            failures.values().removeIf(f -> f.expired(now, lockout));
        }
        Duration wait = count(userKey(user), maxFailures, now);
        if (wait.isZero()) {
            wait = count(addressKey(address), maxFailures * ADDRESS_FACTOR, now);
            if (!wait.isZero()) {
                failures.computeIfPresent(
                        userKey(user), (k, f) -> f.count <= 1 ? null : new Failures(f.since, f.count - 1));
            }
        }
        return wait.isZero() ? Optional.empty() : Optional.of(wait);
    }

    /** A login that succeeded: the account's failures are forgotten, and the address gets its attempt back. */
    public void succeeded(String user, String address) {
        failures.remove(userKey(user));
        failures.computeIfPresent(
                addressKey(address), (k, f) -> f.count <= 1 ? null : new Failures(f.since, f.count - 1));
    }

    /** Adds an attempt under a key unless its limit is reached; the wait when it is. */
    private Duration count(String key, int limit, Instant now) {
        Duration[] wait = {Duration.ZERO};
        failures.compute(key, (k, f) -> {
            if (f == null || f.expired(now, lockout)) {
                return new Failures(now, 1);
            }
            if (f.count >= limit) {
                wait[0] = Duration.between(now, f.since.plus(lockout));
                return f;
            }
            return new Failures(f.since, f.count + 1);
        });
        return wait[0];
    }

    private static String userKey(String user) {
        return "u:" + (user == null ? "" : user.toLowerCase(Locale.ROOT));
    }

    private static String addressKey(String address) {
        return "a:" + address;
    }

    /** Attempts counted since the first one of the current period. */
    private record Failures(Instant since, int count) {
        boolean expired(Instant now, Duration lockout) {
            return !now.isBefore(since.plus(lockout));
        }
    }
}
