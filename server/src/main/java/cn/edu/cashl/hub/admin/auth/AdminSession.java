package cn.edu.cashl.hub.admin.auth;

import java.time.Instant;

/**
 * A logged-in admin.
 *
 * @param csrfToken the token every changing request must echo in {@code X-CSRF-Token}
 * @param expiresAt when the session ends unless used again (never later than its absolute limit)
 */
public record AdminSession(String user, Role role, String csrfToken, Instant expiresAt) {}
