package cn.edu.cashl.hub.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.edu.cashl.hub.config.HubConfig;
import cn.edu.cashl.hub.db.DbSettings;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hub in this JVM with its real parts: embedded Solr, H2, Jetty, and HTTP over loopback. */
class HubTest {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final HubConfig LOOPBACK_ANY_PORT = HubConfig.DEFAULTS.withPort(0);

    @TempDir
    Path dataDir;

    private static HubConfig onLoopback(HubConfig config) {
        return new HubConfig(
                new HubConfig.HubSettings(
                        "127.0.0.1",
                        config.hub().port(),
                        config.hub().dataDir(),
                        config.hub().baseUrl()),
                config.solr(),
                config.db(),
                config.harvest(),
                config.oai(),
                config.admin());
    }

    private static HttpResponse<String> get(int port, String path) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void healthReportsSolrAndDatabaseUpAsJson() throws Exception {
        try (Hub hub = Hub.start(onLoopback(LOOPBACK_ANY_PORT), dataDir)) {
            HttpResponse<String> response = get(hub.port(), "/health");
            assertEquals(200, response.statusCode());
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
            JsonNode health = new ObjectMapper().readTree(response.body());
            assertEquals("UP", health.path("status").asText());
            assertEquals("UP", health.path("solr").path("status").asText());
            assertEquals("embedded", health.path("solr").path("mode").asText());
            assertEquals(
                    "UP",
                    health.path("solr")
                            .path("collections")
                            .path("catalog")
                            .path("status")
                            .asText());
            assertEquals(
                    "UP",
                    health.path("solr")
                            .path("collections")
                            .path("source")
                            .path("status")
                            .asText());
            assertEquals("UP", health.path("database").path("status").asText());
            assertEquals("H2", health.path("database").path("product").asText());
        }
    }

    @Test
    void healthIs503AndNamesTheFaultWhenSolrDoesNotAnswer() throws Exception {
        int deadPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            deadPort = socket.getLocalPort();
        }
        HubConfig config =
                LOOPBACK_ANY_PORT.withSolr(LOOPBACK_ANY_PORT.solr().withUrl("http://127.0.0.1:" + deadPort + "/solr"));
        try (Hub hub = Hub.start(onLoopback(config), dataDir)) {
            HttpResponse<String> response = get(hub.port(), "/health");
            assertEquals(503, response.statusCode());
            JsonNode health = new ObjectMapper().readTree(response.body());
            assertEquals("DOWN", health.path("status").asText());
            assertEquals("url", health.path("solr").path("mode").asText());
            assertEquals(
                    "DOWN",
                    health.path("solr")
                            .path("collections")
                            .path("catalog")
                            .path("status")
                            .asText());
            assertTrue(health.path("solr")
                            .path("collections")
                            .path("catalog")
                            .path("error")
                            .asText()
                            .length()
                    > 0);
            assertEquals("UP", health.path("database").path("status").asText());
        }
    }

    @Test
    void unknownPathIs404() throws Exception {
        try (Hub hub = Hub.start(onLoopback(LOOPBACK_ANY_PORT), dataDir)) {
            assertEquals(404, get(hub.port(), "/no-such-thing").statusCode());
        }
    }

    @Test
    void stopsAndStartsAgainOnTheSameDataDirectory() throws Exception {
        int port;
        try (Hub first = Hub.start(onLoopback(LOOPBACK_ANY_PORT), dataDir)) {
            port = first.port();
            assertEquals(200, get(port, "/health").statusCode());
        }
        try (Hub second = Hub.start(onLoopback(LOOPBACK_ANY_PORT.withPort(port)), dataDir)) {
            assertEquals(200, get(second.port(), "/health").statusCode());
        }
    }

    @Test
    void secondHubOnTheSameDataDirectoryIsRefusedAndTheFirstKeepsRunning() throws Exception {
        try (Hub first = Hub.start(onLoopback(LOOPBACK_ANY_PORT), dataDir)) {
            HubStartupException e =
                    assertThrows(HubStartupException.class, () -> Hub.start(onLoopback(LOOPBACK_ANY_PORT), dataDir));
            assertTrue(e.getMessage().contains("in use by another CASHL Hub"), e.getMessage());
            assertEquals(200, get(first.port(), "/health").statusCode());
        }
    }

    @Test
    void failedStartReleasesWhatItHadOpened() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            HubStartupException e = assertThrows(
                    HubStartupException.class,
                    () -> Hub.start(onLoopback(LOOPBACK_ANY_PORT.withPort(taken.getLocalPort())), dataDir));
            assertTrue(e.getMessage().contains("cannot listen on"), e.getMessage());
        }
        // Lock, Solr cores and database were all released: the same directory starts at once.
        try (Hub hub = Hub.start(onLoopback(LOOPBACK_ANY_PORT), dataDir)) {
            assertEquals(200, get(hub.port(), "/health").statusCode());
        }
    }

    @Test
    void unreachableDatabaseIsAClearStartupError() {
        HubConfig config = LOOPBACK_ANY_PORT.withDb(new DbSettings("jdbc:h2:tcp://127.0.0.1:1/nowhere", "sa", "", 2));
        HubStartupException e = assertThrows(HubStartupException.class, () -> Hub.start(onLoopback(config), dataDir));
        assertTrue(
                e.getMessage().startsWith("cannot open the database at jdbc:h2:tcp://127.0.0.1:1/nowhere"),
                e.getMessage());
    }
}
