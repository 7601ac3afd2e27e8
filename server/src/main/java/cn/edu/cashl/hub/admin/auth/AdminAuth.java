package cn.edu.cashl.hub.admin.auth;

import java.time.Duration;
import java.util.Optional;

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

    public AdminAuth(Accounts accounts, Sessions sessions, LoginThrottle throttle, boolean secureCookies) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.throttle = throttle;
        this.secureCookies = secureCookies;
    }

    public Accounts accounts() {
        return accounts;
    }

    public Sessions sessions() {
        return sessions;
    }

    /** The outcome of a login. */
    public sealed interface Login {
        record Success(Sessions.Opened opened) implements Login {
        }

        record WrongCredentials() implements Login {
        }

        record LockedOut(Duration retryAfter) implements Login {
        }
    }

    /**
     * Checks a name and password. A locked-out name or address is refused before the password is
     * looked at; an unknown name costs the same Argon2 work as a known one.
     */
    public Login login(String user, String password, String address) {
        Optional<Duration> locked = throttle.lockedFor(user, address);
        if (locked.isPresent()) {
            return new Login.LockedOut(locked.get());
        }
        Optional<Account> account = accounts.find(user);
        boolean ok = Passwords.verify(password == null ? "" : password,
                account.map(Account::passwordHash).orElse(Passwords.DECOY)) && account.isPresent();
        if (!ok) {
            throttle.failed(user, address);
            return new Login.WrongCredentials();
        }
        throttle.succeeded(user);
        return new Login.Success(sessions.open(account.get()));
    }

    /** The {@code Set-Cookie} value that gives the browser a session. */
    public String sessionCookie(String token, Duration maxAge) {
        return COOKIE + "=" + token + "; Path=/admin; Max-Age=" + Math.max(0, maxAge.toSeconds()) + "; HttpOnly; SameSite=Strict"
                + (secureCookies ? "; Secure" : "");
    }

    /** The {@code Set-Cookie} value that removes the session cookie. */
    public String clearedCookie() {
        return sessionCookie("", Duration.ZERO);
    }
}
