package cn.edu.cashl.hub.admin.auth;

import cn.edu.cashl.hub.db.Jdbc;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The admin accounts: those of the configuration file ({@code admin.users}, read-only here) and
 * those created with {@code ./cashl-hub user add} or by an admin in the web admin (in the
 * operational database, so every node of a cluster shares them). A name is unique across both;
 * the configuration wins if both have it. Names are case-insensitive.
 */
public final class Accounts {

    public static final int MIN_PASSWORD = 10;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");

    private final Jdbc jdbc;
    private final Map<String, Account> configured = new LinkedHashMap<>();
    private final Clock clock;

    /**
     * @param configured accounts from the configuration file
     * @throws IllegalArgumentException when a configured account has a bad name, role or hash
     */
    public Accounts(Jdbc jdbc, List<ConfiguredAccount> configured, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        for (ConfiguredAccount entry : configured) {
            String name = checkName(entry.name());
            if (!Passwords.isHash(entry.passwordHash())) {
                throw new IllegalArgumentException("admin.users: the passwordHash of " + name
                        + " is not an Argon2id hash (make one with ./cashl-hub user hash)");
            }
            this.configured.put(key(name), new Account(name, Role.of(entry.role()), entry.passwordHash(), true, null));
        }
    }

    /** An account as the configuration file gives it. */
    public record ConfiguredAccount(String name, String role, String passwordHash) {}

    public Optional<Account> find(String name) {
        if (name == null) {
            return Optional.empty();
        }
        Account fromConfig = configured.get(key(name));
        if (fromConfig != null) {
            return Optional.of(fromConfig);
        }
        return jdbc.first(
                "SELECT user_name, role, password_hash, created_at FROM admin_user WHERE user_name = ?",
                Accounts::toAccount,
                key(name));
    }

    /** Every account, configured ones first, then by name. */
    public List<Account> all() {
        List<Account> all = new ArrayList<>(configured.values());
        for (Account stored : jdbc.query(
                "SELECT user_name, role, password_hash, created_at FROM admin_user ORDER BY user_name",
                Accounts::toAccount)) {
            if (!configured.containsKey(key(stored.name()))) {
                all.add(stored);
            }
        }
        return all;
    }

    /** Whether anybody can log in at all. */
    public boolean any() {
        return !configured.isEmpty()
                || !jdbc.query("SELECT 1 FROM admin_user FETCH FIRST 1 ROWS ONLY", rs -> 1)
                        .isEmpty();
    }

    /**
     * Creates an account.
     *
     * @throws IllegalArgumentException for a bad name or a short password
     * @throws IllegalStateException    when the name is taken
     */
    public Account create(String name, Role role, String password) {
        checkName(name);
        checkPassword(password);
        if (find(name).isPresent()) {
            throw new IllegalStateException("an account named " + name + " exists already");
        }
        String hash = Passwords.hash(password);
        Instant now = clock.instant();
        jdbc.update(
                "INSERT INTO admin_user (user_name, role, password_hash, created_at) VALUES (?, ?, ?, ?)",
                key(name),
                role.value(),
                hash,
                now.toEpochMilli());
        return new Account(key(name), role, hash, false, now);
    }

    /**
     * Sets a database account's password (creating nothing).
     *
     * @return false when there is no such database account
     */
    public boolean setPassword(String name, String password) {
        checkPassword(password);
        return jdbc.update(
                        "UPDATE admin_user SET password_hash = ? WHERE user_name = ?",
                        Passwords.hash(password),
                        key(name))
                > 0;
    }

    /**
     * Deletes a database account.
     *
     * @return false when there is none of that name
     * @throws IllegalStateException for a configured account
     */
    public boolean delete(String name) {
        if (configured.containsKey(key(name))) {
            throw new IllegalStateException(name + " is defined in the configuration file; remove it there");
        }
        return jdbc.update("DELETE FROM admin_user WHERE user_name = ?", key(name)) > 0;
    }

    /** The name, if it is a valid account name; else IllegalArgumentException saying what one is. */
    public static String checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "an account name is 1 to 64 letters, digits or . _ @ -, starting with a letter or digit");
        }
        return name;
    }

    static void checkPassword(String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_PASSWORD) {
            throw new IllegalArgumentException("a password needs at least " + MIN_PASSWORD + " characters");
        }
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    private static Account toAccount(ResultSet rs) throws SQLException {
        return new Account(
                rs.getString(1), Role.of(rs.getString(2)), rs.getString(3), false, Instant.ofEpochMilli(rs.getLong(4)));
    }
}
