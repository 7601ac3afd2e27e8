package cn.edu.cashl.hub.admin;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;

/** The admin API's error answers: always JSON {@code {"error": ..., "reason": ...}}. */
public final class AdminErrors {

    private AdminErrors() {
    }

    public static Response error(Response.Status status, String message) {
        return json(status.getStatusCode(), Map.of("error", message));
    }

    public static Response error(Response.Status status, String message, String key, Object value) {
        return error(status.getStatusCode(), message, key, value);
    }

    /** A refusal with more to say (422 has no constant in JAX-RS 3.1). */
    public static Response error(int status, String message, String key, Object value) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", message);
        body.put(key, value);
        return json(status, body);
    }

    /** Unprocessable content: the request is well-formed but what it asks for is refused (RFC 9110 §15.5.21). */
    public static final int UNPROCESSABLE = 422;

    static Response unauthorized() {
        return Response.status(Response.Status.UNAUTHORIZED)
                .header("WWW-Authenticate", "Session realm=\"CASHL Hub admin\"")
                .type(MediaType.APPLICATION_JSON)
                .entity(Map.of("error", "log in first: POST /admin/api/session", "reason", "session"))
                .build();
    }

    static Response forbidden(String reason, String message) {
        return json(403, Map.of("error", message, "reason", reason));
    }

    /**
     * Refuses a request from a filter. The body the client sent is read (and dropped) first: a
     * connection whose request body was left unread is closed after the answer, and an HTTP client
     * that already reused it for its next request sees that request fail.
     */
    static void refuse(jakarta.ws.rs.container.ContainerRequestContext request, Response response) {
        if (request.hasEntity()) {
            try (java.io.InputStream body = request.getEntityStream()) {
                // Up to a megabyte; a bigger body is not worth reading for a refusal, and the connection closes.
                long skipped = 0;
                byte[] buffer = new byte[8192];
                for (int n; skipped < 1 << 20 && (n = body.read(buffer)) > 0; ) {
                    skipped += n;
                }
            } catch (java.io.IOException e) {
                // the client went away; the refusal goes out anyway
            }
        }
        request.abortWith(response);
    }

    public static Response notFound(String message) {
        return error(Response.Status.NOT_FOUND, message);
    }

    private static Response json(int status, Object body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(body).build();
    }
}
