package cn.edu.cashl.hub.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * The admin API as a browser uses it, over real HTTP: the session cookie from the login, and the CSRF
 * token sent back on every change. Tests of refusals send requests without one or the other.
 */
final class AdminClient {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    final String base;
    String cookie;
    String csrf;

    AdminClient(String base) {
        this.base = base;
    }

    /** Logs in; fails the test unless it works. */
    AdminClient login(String user, String password) throws Exception {
        HttpResponse<String> response =
                send("POST", "/admin/api/session", Map.of("username", user, "password", password), Map.of());
        assertEquals(200, response.statusCode(), response.body());
        String setCookie = response.headers().firstValue("Set-Cookie").orElseThrow();
        cookie = setCookie.substring(0, setCookie.indexOf(';'));
        csrf = JSON.readTree(response.body()).get("csrfToken").asText();
        return this;
    }

    HttpResponse<String> get(String path) throws Exception {
        return send("GET", path, null, Map.of());
    }

    HttpResponse<String> post(String path, Object body) throws Exception {
        return send("POST", path, body, Map.of());
    }

    HttpResponse<String> put(String path, Object body) throws Exception {
        return send("PUT", path, body, Map.of());
    }

    HttpResponse<String> delete(String path) throws Exception {
        return send("DELETE", path, null, Map.of());
    }

    /** A PUT of a text as it is, of the given type (a journal list). */
    HttpResponse<String> putText(String path, String text, String contentType) throws Exception {
        return send("PUT", path, text, Map.of("Content-Type", contentType));
    }

    /**
     * A request with the session cookie and (for changes) the CSRF token, plus any extra headers; a
     * String body is sent as it is, as JSON unless the headers give another Content-Type.
     */
    HttpResponse<String> send(String method, String path, Object body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        if (csrf != null && !method.equals("GET")) {
            request.header("X-CSRF-Token", csrf);
        }
        headers.forEach(request::header);
        HttpRequest.BodyPublisher publisher = body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body instanceof String raw ? raw : JSON.writeValueAsString(body));
        if (body != null && !headers.containsKey("Content-Type")) {
            request.header("Content-Type", "application/json");
        }
        return HTTP.send(request.method(method, publisher).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The body of a response with the expected status, as JSON. */
    static JsonNode json(HttpResponse<String> response, int status) throws Exception {
        assertEquals(
                status,
                response.statusCode(),
                () -> response.request().method() + " " + response.request().uri() + ": " + response.body());
        return JSON.readTree(response.body());
    }

    /** A logged-out client with the same session cookie but no CSRF token. */
    AdminClient withoutCsrf() {
        AdminClient copy = new AdminClient(base);
        copy.cookie = cookie;
        return copy;
    }
}
