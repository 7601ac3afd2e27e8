package cn.edu.cashl.hub.sru;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.edu.cashl.hub.server.DemoHub;
import cn.edu.cashl.hub.server.Hub;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SruConformanceTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    static Path work;
    private Hub hub;
    private String base;

    @BeforeAll
    void startHub() throws Exception {
        Path data = work.resolve("data");
        Path config = DemoHub.importDemo(data);
        hub = Hub.start(DemoHub.loopback(config, data), data);
        base = "http://127.0.0.1:" + hub.port() + "/sru";
    }

    @AfterAll
    void stopHub() {
        if (hub != null) {
            hub.close();
        }
    }

    String get(String query) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + "?" + query))
                .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response::body);
        return response.body();
    }

    static String q(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Test
    void explore() throws Exception {
        System.out.println(get("version=1.2&operation=explain").substring(0, 3000));
        System.out.println(get("version=1.2&operation=searchRetrieve&maximumRecords=2&query=" + q("cql.allRecords=1")));
        System.out.println(get("version=2.0&maximumRecords=1&facetLimit=5&query=" + q("cql.allRecords=1")));
        System.out.println(get("version=1.2&operation=scan&scanClause=" + q("dc.title=a")));
        System.out.println(get("version=1.2&operation=searchRetrieve&query=" + q("dc.title any history") + "&httpAccept=application/json&maximumRecords=1"));
        System.out.println(get("version=1.2&operation=searchRetrieve&query=" + q("dc.title any") ));
        assertTrue(true);
    }
}
