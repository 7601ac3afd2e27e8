package cn.edu.cashl.hub.harvest.crossref;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The spacing of requests Crossref's rate-limit headers ask for, and the User-Agent its etiquette asks for. */
class RequestPacingTest {

    @Test
    void theLimitPerIntervalIsTheSpacingBetweenRequests() {
        assertEquals(Duration.ofMillis(20), RequestPacing.spacing("50", "1s"));
        assertEquals(Duration.ofSeconds(1), RequestPacing.spacing("60", "1m"));
        assertEquals(Duration.ofMillis(100), RequestPacing.spacing(" 10 ", "1000ms"));
        assertEquals(Duration.ofMillis(500), RequestPacing.spacing("2", "1"));
        assertNull(RequestPacing.spacing("fifty", "1s"));
        assertNull(RequestPacing.spacing("0", "1s"));
        assertNull(RequestPacing.spacing("50", "a second"));
        assertNull(RequestPacing.spacing(null, "1s"));

        RequestPacing pacing = new RequestPacing(Duration.ofSeconds(2));
        pacing.update(headers(Map.of("x-rate-limit-limit", "50", "x-rate-limit-interval", "1s")));
        assertEquals(Duration.ofMillis(20), pacing.spacing());
        pacing.update(headers(Map.of()));
        assertEquals(Duration.ofMillis(20), pacing.spacing(), "an answer without the headers changes nothing");
        pacing.update(headers(Map.of("X-Rate-Limit-Limit", "1", "X-Rate-Limit-Interval", "1h")));
        assertEquals(Duration.ofSeconds(2), pacing.spacing(), "never more than the cap");
    }

    @Test
    void theUserAgentCarriesTheContactAddress() {
        assertEquals(
                "CASHL-Hub/1.0 (mailto:metadata@cashl.edu.cn)",
                CrossrefClient.userAgent(
                        "CASHL-Hub/1.0 (OAI-PMH harvester; +https://www.cashl.edu.cn)", "metadata@cashl.edu.cn"));
        assertEquals("CASHL-Hub/1.0 (x)", CrossrefClient.userAgent("CASHL-Hub/1.0 (x)", null));
    }

    private static HttpHeaders headers(Map<String, String> values) {
        java.util.Map<String, List<String>> map = new java.util.HashMap<>();
        values.forEach((k, v) -> map.put(k, List.of(v)));
        return HttpHeaders.of(map, (k, v) -> true);
    }
}
