package cn.edu.cashl.hub.harvest.crossref;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.edu.cashl.hub.harvest.oai.MalformedResponseException;
import cn.edu.cashl.hub.ingest.read.RawRecord;
import cn.edu.cashl.hub.ingest.read.RecordFormat;
import cn.edu.cashl.hub.ingest.read.RecordReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A page of Crossref's works: its envelope read before its works, failures and broken pages told apart. */
class WorksPageTest {

    private static final String PAGE =
            "{\"status\":\"ok\",\"message-type\":\"work-list\",\"message-version\":\"1.0.0\","
                    + "\"message\":{\"facets\":{},\"next-cursor\":\"DnF1ZXJ5+/=\",\"total-results\":1234,"
                    + "\"items\":[{\"DOI\":\"10.1177/0097700420901234\",\"title\":[\"Rural China\"]},"
                    + "{\"DOI\":\"10.1017/S0305741020000001\",\"title\":[\"Reform\"],\"items\":[1]}],"
                    + "\"items-per-page\":2,\"query\":{\"start-index\":0,\"search-terms\":null}}}";

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void theEnvelopeGivesTheCursorTheTotalAndTheWorksComeOneByOne() throws Exception {
        WorksPage page = WorksPage.read(bytes(PAGE), "query 1 of 1, page 1");
        assertEquals(2, page.items());
        assertEquals(1234, page.totalResults());
        assertEquals("DnF1ZXJ5+/=", page.nextCursor());
        List<RawRecord> works = new ArrayList<>();
        try (RecordReader reader = page.works()) {
            reader.forEachRemaining(works::add);
        }
        assertEquals(
                List.of("10.1177/0097700420901234", "10.1017/S0305741020000001"),
                works.stream().map(RawRecord::localId).toList());
        assertEquals(RecordFormat.CROSSREF, works.get(0).format());
        assertEquals("query 1 of 1, page 1, work 2", works.get(1).position());

        WorksPage last = WorksPage.read(
                bytes("{\"status\":\"ok\",\"message-type\":\"work-list\",\"message\":{\"next-cursor\":\"x\","
                        + "\"total-results\":1234,\"items\":[]}}"),
                "last");
        assertEquals(0, last.items());
    }

    @Test
    void aFailedAnswerIsCrossrefsRefusalWithItsMessages() {
        String failed = "{\"status\":\"failed\",\"message-type\":\"validation-failure\",\"message\":["
                + "{\"value\":\"issn:1234\",\"message\":\"Filter issn specified but value 1234 is not a valid ISSN\","
                + "\"type\":\"invalid-filter-value\"},{\"value\":\"1001\",\"message\":\"Integer specified as 1001 but must"
                + " be a positive integer less than or equal to 1000\",\"type\":\"integer-not-valid\"}]}";
        CrossrefRefusal refusal = assertThrows(CrossrefRefusal.class, () -> WorksPage.read(bytes(failed), "page 1"));
        assertEquals(
                "Crossref refused page 1: validation-failure: Filter issn specified but value 1234 is not a valid ISSN;"
                        + " Integer specified as 1001 but must be a positive integer less than or equal to 1000",
                refusal.getMessage());
        assertEquals(
                "Crossref refused page 2 with HTTP 404: Resource not found.",
                CrossrefRefusal.ofStatus(404, bytes("Resource not found."), "page 2")
                        .getMessage());
        assertEquals(
                "Crossref refused page 3 with HTTP 400: validation-failure: Filter issn specified but value 1234 is not"
                        + " a valid ISSN; Integer specified as 1001 but must be a positive integer less than or equal"
                        + " to 1000",
                CrossrefRefusal.ofStatus(400, bytes(failed), "page 3").getMessage());
    }

    @Test
    void aPageCutShortOrNotAListIsMalformed() {
        byte[] whole = bytes(PAGE);
        for (int cut : new int[] {0, 10, whole.length / 2, whole.length - 1}) {
            assertThrows(
                    MalformedResponseException.class,
                    () -> WorksPage.read(Arrays.copyOf(whole, cut), "page"),
                    "cut at " + cut);
        }
        MalformedResponseException single = assertThrows(
                MalformedResponseException.class,
                () -> WorksPage.read(
                        bytes("{\"status\":\"ok\",\"message-type\":\"work\",\"message\":{\"DOI\":\"10.1/a\"}}"), "p"));
        assertTrue(single.getMessage().contains("not a list of works"), single.getMessage());
        assertThrows(MalformedResponseException.class, () -> WorksPage.read(bytes(PAGE + PAGE), "twice"));
    }
}
