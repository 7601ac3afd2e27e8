package cn.edu.cashl.hub.admin.auth;

import java.time.Instant;

/**
 * An admin account.
 *
 * @param passwordHash Argon2id in PHC format (see {@link Passwords})
 * @param configured   defined in the configuration file: read-only in the admin
 * @param createdAt    when it was created; null for configured accounts
 */
public record Account(String name, Role role, String passwordHash, boolean configured, Instant createdAt) {}
