package cn.edu.cashl.hub.admin;

import cn.edu.cashl.hub.admin.auth.AdminAuth;
import cn.edu.cashl.hub.admin.auth.AdminSession;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code /admin/api/session}: log in (POST), who am I (GET), log out (DELETE). */
@Path("/admin/api/session")
@Produces(MediaType.APPLICATION_JSON)
public final class SessionResource {

    private final AdminAuth auth;

    @Inject
    public SessionResource(AdminAuth auth) {
        this.auth = auth;
    }

    /** The login form's fields. */
    public record Credentials(String username, String password) {
    }

    @POST
    public Response login(Credentials credentials, @Context HttpServletRequest http) {
        if (credentials == null || credentials.username() == null || credentials.password() == null) {
            return AdminErrors.error(Response.Status.BAD_REQUEST, "send {\"username\": ..., \"password\": ...}");
        }
        AdminAuth.Login login = auth.login(credentials.username(), credentials.password(), http.getRemoteAddr());
        if (login instanceof AdminAuth.Login.LockedOut locked) {
            long seconds = Math.max(1, locked.retryAfter().toSeconds());
            return Response.status(429).header("Retry-After", seconds).type(MediaType.APPLICATION_JSON)
                    .entity(Map.of("error", "too many failed logins: try again in " + seconds + " s", "retryAfter", seconds)).build();
        }
        if (login instanceof AdminAuth.Login.Success success) {
            AdminSession session = success.opened().session();
            return Response.ok(describe(session))
                    .header("Set-Cookie", auth.sessionCookie(success.opened().token(), Duration.between(Instant.now(), session.expiresAt())
                            .plusHours(24)))
                    .build();
        }
        return AdminErrors.error(Response.Status.UNAUTHORIZED, "wrong account name or password");
    }

    @GET
    @RolesAllowed({"admin", "editor"})
    public Map<String, Object> current(@Context SecurityContext security) {
        return describe(AdminSecurity.of(security));
    }

    @DELETE
    @RolesAllowed({"admin", "editor"})
    public Response logout(@CookieParam(AdminAuth.COOKIE) String token) {
        auth.sessions().close(token);
        return Response.noContent().header("Set-Cookie", auth.clearedCookie()).build();
    }

    private static Map<String, Object> describe(AdminSession session) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("user", session.user());
        body.put("role", session.role().value());
        body.put("csrfToken", session.csrfToken());
        body.put("expiresAt", session.expiresAt().toString());
        return body;
    }
}
