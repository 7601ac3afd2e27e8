package cn.edu.cashl.hub.admin.account;

import cn.edu.cashl.hub.admin.auth.AdminAuth;
import cn.edu.cashl.hub.admin.auth.AdminSession;
import cn.edu.cashl.hub.admin.common.AdminErrors;
import cn.edu.cashl.hub.admin.common.AdminSecurity;
import cn.edu.cashl.hub.admin.common.ErrorJson;
import jakarta.annotation.security.PermitAll;
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
    public record Credentials(String username, String password) {}

    /** Longer names and passwords are refused before they reach the throttle or Argon2. */
    static final int MAX_NAME = 64;

    static final int MAX_PASSWORD = 1024;

    @POST
    @PermitAll
    public Response login(
            Credentials credentials, @Context HttpServletRequest http, @CookieParam(AdminAuth.COOKIE) String previous) {
        if (credentials == null || credentials.username() == null || credentials.password() == null) {
            return AdminErrors.error(Response.Status.BAD_REQUEST, "send {\"username\": ..., \"password\": ...}");
        }
        if (credentials.username().length() > MAX_NAME || credentials.password().length() > MAX_PASSWORD) {
            return AdminErrors.error(
                    Response.Status.BAD_REQUEST,
                    "an account name has at most " + MAX_NAME + " characters, a password at most " + MAX_PASSWORD);
        }
        AdminAuth.Login login = auth.login(credentials.username(), credentials.password(), http.getRemoteAddr());
        if (login instanceof AdminAuth.Login.LockedOut locked) {
            long seconds = Math.max(1, locked.retryAfter().toSeconds());
            return Response.status(429)
                    .header("Retry-After", seconds)
                    .type(MediaType.APPLICATION_JSON)
                    .entity(new LockedOutJson("too many failed logins: try again in " + seconds + " s", seconds))
                    .build();
        }
        if (login instanceof AdminAuth.Login.Success success) {
            auth.sessions().close(previous); // a login replaces the browser's old session, never adds to it
            AdminSession session = success.opened().session();
            return Response.ok(SessionJson.of(session))
                    .header(
                            "Set-Cookie",
                            auth.sessionCookie(
                                    success.opened().token(), auth.sessions().absolute()))
                    .build();
        }
        if (login instanceof AdminAuth.Login.Busy) {
            return Response.status(Response.Status.SERVICE_UNAVAILABLE)
                    .header("Retry-After", 1)
                    .type(MediaType.APPLICATION_JSON)
                    .entity(new ErrorJson("too many logins at once: try again in a second"))
                    .build();
        }
        return AdminErrors.error(Response.Status.UNAUTHORIZED, "wrong account name or password");
    }

    @GET
    @RolesAllowed({"admin", "editor"})
    public SessionJson current(@Context SecurityContext security) {
        return SessionJson.of(AdminSecurity.of(security));
    }

    @DELETE
    @RolesAllowed({"admin", "editor"})
    public Response logout(@CookieParam(AdminAuth.COOKIE) String token) {
        auth.sessions().close(token);
        return Response.noContent().header("Set-Cookie", auth.clearedCookie()).build();
    }
}
