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
 * the lockout period, that name is refused for the rest of the period; a client address gets four
 * times as many failures (it may try several names) before it is refused too. A success clears the
 * account's count. Kept in memory on each node: a guesser spread over a cluster's nodes gets a few
 * more tries per node, which Argon2's cost still makes slow.
 */
public final class LoginThrottle {

    private static final int MAX_TRACKED = 100_000;
    private static final int ADDRESS_FACTOR = 4;

    private final int maxFailures;
    private final Duration lockout;
    private final Clock clock;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    public LoginThrottle(int maxFailures, Duration lockout, Clock clock) {
        this.maxFailures = maxFailures;
        this.lockout = lockout;
        this.clock = clock;
    }

    /** How long the name or the address must still wait, if either is locked out. */
    public Optional<Duration> lockedFor(String user, String address) {
        Instant now = clock.instant();
        Duration wait = max(wait(userKey(user), maxFailures, now), wait(addressKey(address), maxFailures * ADDRESS_FACTOR, now));
        return wait.isZero() ? Optional.empty() : Optional.of(wait);
    }

    public void failed(String user, String address) {
        Instant now = clock.instant();
        if (failures.size() > MAX_TRACKED) {
            failures.values().removeIf(f -> f.expired(now, lockout));
        }
        failures.compute(userKey(user), (k, f) -> Failures.add(f, now, lockout));
        failures.compute(addressKey(address), (k, f) -> Failures.add(f, now, lockout));
    }

    public void succeeded(String user) {
        failures.remove(userKey(user));
    }

    private Duration wait(String key, int limit, Instant now) {
        Failures f = failures.get(key);
        if (f == null || f.count < limit || f.expired(now, lockout)) {
            return Duration.ZERO;
        }
        return Duration.between(now, f.since.plus(lockout));
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static String userKey(String user) {
        return "u:" + (user == null ? "" : user.toLowerCase(Locale.ROOT));
    }

    private static String addressKey(String address) {
        return "a:" + address;
    }

    /** Failures counted since the first one of the current period. */
    private record Failures(Instant since, int count) {
        static Failures add(Failures f, Instant now, Duration lockout) {
            return f == null || f.expired(now, lockout) ? new Failures(now, 1) : new Failures(f.since, f.count + 1);
        }

        boolean expired(Instant now, Duration lockout) {
            return !now.isBefore(since.plus(lockout));
        }
    }
}
