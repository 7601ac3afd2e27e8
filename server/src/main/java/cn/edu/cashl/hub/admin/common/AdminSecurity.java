package cn.edu.cashl.hub.admin.common;

import cn.edu.cashl.hub.admin.auth.AdminSession;
import cn.edu.cashl.hub.admin.auth.Role;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;

/** The logged-in admin, as the admin resources see it through {@code @Context SecurityContext}. */
public record AdminSecurity(AdminSession session, boolean secure) implements SecurityContext {

    @Override
    public Principal getUserPrincipal() {
        return new Admin(session);
    }

    /** The principal carries the session: Jersey hands resources a proxy of the context, not this record. */
    public record Admin(AdminSession session) implements Principal {
        @Override
        public String getName() {
            return session.user();
        }
    }

    @Override
    public boolean isUserInRole(String role) {
        return session.role() == Role.ADMIN || session.role().value().equals(role);
    }

    @Override
    public boolean isSecure() {
        return secure;
    }

    @Override
    public String getAuthenticationScheme() {
        return "FORM";
    }

    /** The session behind a resource's security context; only requests the guard let in have one. */
    public static AdminSession of(SecurityContext context) {
        if (context != null && context.getUserPrincipal() instanceof Admin admin) {
            return admin.session();
        }
        throw new IllegalStateException("no admin session: the request did not pass the AdminGuard");
    }
}
