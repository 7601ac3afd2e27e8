package cn.edu.cashl.hub.admin.account;

import cn.edu.cashl.hub.admin.auth.AdminSession;

/** Who is logged in, with the token the browser sends back on every change. */
public record SessionJson(String user, String role, String csrfToken, String expiresAt) {

    static SessionJson of(AdminSession session) {
        return new SessionJson(
                session.user(),
                session.role().value(),
                session.csrfToken(),
                session.expiresAt().toString());
    }
}
