package cn.edu.cashl.hub.admin.auth;

import cn.edu.cashl.hub.db.Jdbc;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Admin sessions in the operational database, so that any node of a cluster knows them and a restart
 * logs nobody out. The cookie carries a random 256-bit token; the table keeps only its SHA-256, so
 * that a copy of the database opens no session. A session ends after {@code idle} without use, and
 * in any case {@code absolute} after login.
 */
public final class Sessions {

    /** How often a session's expiry is pushed on: not at every request. */
    private static final Duration SLIDE_STEP = Duration.ofMinutes(1);

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Jdbc jdbc;
    private final Duration idle;
    private final Duration absolute;
    private final Clock clock;

    public Sessions(Jdbc jdbc, Duration idle, Duration absolute, Clock clock) {
        this.jdbc = jdbc;
        this.idle = idle;
        this.absolute = absolute;
        this.clock = clock;
    }

    /** The longest a session lives, idle or not: the cookie's lifetime. */
    public Duration absolute() {
        return absolute;
    }

    /** A new session, and the token for its cookie. */
    public record Opened(String token, AdminSession session) {}

    public Opened open(Account account) {
        Instant now = clock.instant();
        jdbc.update("DELETE FROM admin_session WHERE expires_at < ?", now.toEpochMilli());
        String token = randomToken();
        String csrf = randomToken();
        Instant expires = now.plus(idle);
        jdbc.update(
                "INSERT INTO admin_session (token_hash, user_name, role, csrf_token, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)",
                digest(token),
                account.name(),
                account.role().value(),
                csrf,
                now.toEpochMilli(),
                expires.toEpochMilli());
        return new Opened(token, new AdminSession(account.name(), account.role(), csrf, expires));
    }

    /** The live session of a cookie token; using it pushes its idle expiry on. */
    public Optional<AdminSession> find(String token) {
        if (token == null || token.isEmpty() || token.length() > 100) {
            return Optional.empty();
        }
        String hash = digest(token);
        Instant now = clock.instant();
        Optional<Stored> stored = jdbc.first(
                "SELECT user_name, role, csrf_token, created_at, expires_at FROM admin_session WHERE token_hash = ?",
                rs -> new Stored(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        Instant.ofEpochMilli(rs.getLong(4)),
                        Instant.ofEpochMilli(rs.getLong(5))),
                hash);
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        Stored s = stored.get();
        if (!now.isBefore(s.expires)) {
            jdbc.update("DELETE FROM admin_session WHERE token_hash = ?", hash);
            return Optional.empty();
        }
        Instant expires = s.expires;
        Instant wanted = min(now.plus(idle), s.created.plus(absolute));
        if (wanted.isAfter(expires.plus(SLIDE_STEP))) {
            jdbc.update("UPDATE admin_session SET expires_at = ? WHERE token_hash = ?", wanted.toEpochMilli(), hash);
            expires = wanted;
        }
        return Optional.of(new AdminSession(s.user, Role.of(s.role), s.csrf, expires));
    }

    /** Logs a session out. */
    public void close(String token) {
        if (token != null) {
            jdbc.update("DELETE FROM admin_session WHERE token_hash = ?", digest(token));
        }
    }

    /** Logs every session of an account out (deleted, or its password changed). */
    public void closeAll(String user) {
        jdbc.update("DELETE FROM admin_session WHERE LOWER(user_name) = LOWER(?)", user);
    }

    private record Stored(String user, String role, String csrf, Instant created, Instant expires) {}

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String digest(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
