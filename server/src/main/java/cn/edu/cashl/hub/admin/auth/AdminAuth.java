package cn.edu.cashl.hub.admin.auth;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Semaphore;

/**
 * Logging in and out of the web admin: the accounts, the sessions, the throttle on failed logins, and
 * how the session cookie is written. One per hub.
 */
public final class AdminAuth {

    /** The session cookie. Path {@code /admin}: the public protocols never see it. */
    public static final String COOKIE = "cashl_admin";
    /** The header that carries the session's CSRF token on every changing request. */
    public static final String CSRF_HEADER = "X-CSRF-Token";

    private final Accounts accounts;
    private final Sessions sessions;
    private final LoginThrottle throttle;
    private final boolean secureCookies;

    private final String publicOrigin;

    /**
     * @param publicOrigin the hub's origin as browsers see it ({@code https://hub.example.edu.cn}) when
     *                     it is configured (hub.baseUrl); empty otherwise
     */
    public AdminAuth(
            Accounts accounts, Sessions sessions, LoginThrottle throttle, boolean secureCookies, String publicOrigin) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.throttle = throttle;
        this.secureCookies = secureCookies;
        this.publicOrigin = publicOrigin;
    }

    /** The configured public origin, or empty. */
    public String publicOrigin() {
        return publicOrigin;
    }

    /**
     * The live session of a cookie token, while its account still exists with the role it logged in
     * with: an account removed or changed (in the database or the configuration file) ends its sessions.
     */
    public Optional<AdminSession> session(String token) {
        Optional<AdminSession> session = sessions.find(token);
        if (session.isPresent()) {
            Optional<Account> account = accounts.find(session.get().user());
            if (account.isEmpty() || account.get().role() != session.get().role()) {
                sessions.close(token);
                return Optional.empty();
            }
        }
        return session;
    }

    public Accounts accounts() {
        return accounts;
    }

    public Sessions sessions() {
        return sessions;
    }

    /** The outcome of a login. */
    public sealed interface Login {
        record Success(Sessions.Opened opened) implements Login {}

        record WrongCredentials() implements Login {}

        record LockedOut(Duration retryAfter) implements Login {}

        /** Every Argon2 slot is taken: the login is turned away at once rather than queued. */
        record Busy() implements Login {}
    }

    /** Password checks at once: each takes 19 MiB and a core for ~50 ms, so a flood cannot take the hub's CPUs and heap. */
    private final Semaphore hashing =
            new Semaphore(Math.max(2, 2 * Runtime.getRuntime().availableProcessors()));

    /**
     * Checks a name and password. The attempt is counted first (parallel guesses count too), and a
     * locked-out name or address is refused before the password is looked at; an unknown name costs
     * the same Argon2 work as a known one.
     */
    public Login login(String user, String password, String address) {
        Optional<Duration> locked = throttle.attempt(user, address);
        if (locked.isPresent()) {
            return new Login.LockedOut(locked.get());
        }
        if (!hashing.tryAcquire()) {
            return new Login.Busy();
        }
        boolean ok;
        Optional<Account> account;
        try {
            account = accounts.find(user);
            ok = Passwords.verify(
                            password == null ? "" : password,
                            account.map(Account::passwordHash).orElse(Passwords.DECOY))
                    && account.isPresent();
        } finally {
            hashing.release();
        }
        if (!ok) {
            return new Login.WrongCredentials();
        }
        throttle.succeeded(user, address);
        return new Login.Success(sessions.open(account.get()));
    }

    /** The {@code Set-Cookie} value that gives the browser a session. */
    public String sessionCookie(String token, Duration maxAge) {
        return COOKIE + "=" + token + "; Path=/admin; Max-Age=" + Math.max(0, maxAge.toSeconds())
                + "; HttpOnly; SameSite=Strict" + (secureCookies ? "; Secure" : "");
    }

    /** The {@code Set-Cookie} value that removes the session cookie. */
    public String clearedCookie() {
        return sessionCookie("", Duration.ZERO);
    }
}
