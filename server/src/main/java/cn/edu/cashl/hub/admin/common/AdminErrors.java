package cn.edu.cashl.hub.admin.common;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The admin API's error answers: always JSON, {@code {"error": ...}} and whatever more a refusal has to say. */
public final class AdminErrors {

    /** Unprocessable content: the request is well-formed but what it asks for is refused (RFC 9110 §15.5.21). */
    private static final int UNPROCESSABLE = 422;

    private AdminErrors() {}

    public static Response error(Response.Status status, String message) {
        return error(status.getStatusCode(), message);
    }

    public static Response error(int status, String message) {
        return json(status, new ErrorJson(message));
    }

    public static Response notFound(String message) {
        return error(Response.Status.NOT_FOUND, message);
    }

    /** A refusal with more to say than its message, such as the failed check behind it (422 has no constant in JAX-RS 3.1). */
    public static Response unprocessable(Object body) {
        return json(UNPROCESSABLE, body);
    }

    public static Response json(int status, Object body) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON)
                .entity(body)
                .build();
    }
}
