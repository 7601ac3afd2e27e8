package cn.edu.cashl.hub.admin;

import cn.edu.cashl.hub.admin.common.AdminErrors;
import cn.edu.cashl.hub.admin.common.ErrorJson;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;

/** The door's refusals (no session, another site, the wrong role), with a reason a client can act on. */
final class Refusals {

    private Refusals() {}

    static Response unauthorized() {
        return Response.status(Response.Status.UNAUTHORIZED)
                .header("WWW-Authenticate", "Session realm=\"CASHL Hub admin\"")
                .type(MediaType.APPLICATION_JSON)
                .entity(new ErrorJson("log in first: POST /admin/api/session", "session"))
                .build();
    }

    static Response forbidden(String reason, String message) {
        return AdminErrors.json(403, new ErrorJson(message, reason));
    }

    /**
     * Refuses a request from a filter. The body the client sent is read (and dropped) first: a
     * connection whose request body was left unread is closed after the answer, and an HTTP client
     * that already reused it for its next request sees that request fail.
     */
    static void refuse(ContainerRequestContext request, Response response) {
        if (request.hasEntity()) {
            try (InputStream body = request.getEntityStream()) {
                // Up to a megabyte; a bigger body is not worth reading for a refusal, and the connection closes.
                long skipped = 0;
                byte[] buffer = new byte[8192];
                for (int n; skipped < 1 << 20 && (n = body.read(buffer)) > 0; ) {
                    skipped += n;
                }
            } catch (IOException e) {
                // the client went away; the refusal goes out anyway
            }
        }
        request.abortWith(response);
    }
}
