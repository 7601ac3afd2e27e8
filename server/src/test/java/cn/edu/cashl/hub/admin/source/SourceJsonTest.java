package cn.edu.cashl.hub.admin.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.edu.cashl.hub.harvest.HeldDeletions;
import cn.edu.cashl.hub.harvest.RunCounts;
import cn.edu.cashl.hub.harvest.RunOutcome;
import cn.edu.cashl.hub.harvest.RunRecord;
import cn.edu.cashl.hub.source.SourceType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The sources API tells a field left out from a field that is null, and the admin's pages read the
 * difference: a hub that does not harvest has no next run to tell, a paused source has none; a run
 * has a reason only when it did not complete.
 */
class SourceJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theNextRunIsLeftOutWithoutASchedulerAndNullWhilePaused() {
        JsonNode unscheduled = JSON.valueToTree(source(null));
        assertFalse(unscheduled.has("nextRun"));
        assertEquals(
                List.of(
                        "id",
                        "type",
                        "name",
                        "nameZh",
                        "url",
                        "metadataPrefix",
                        "format",
                        "sets",
                        "crosswalk",
                        "holdingsField",
                        "enabled",
                        "schedule",
                        "paused",
                        "running",
                        "watermark",
                        "state",
                        "records",
                        "lastRuns"),
                names(unscheduled));

        JsonNode paused = JSON.valueToTree(source(new SourceJson.NextRun(null)));
        assertTrue(paused.get("nextRun").isNull());
        assertEquals(
                List.of(
                        "id",
                        "type",
                        "name",
                        "nameZh",
                        "url",
                        "metadataPrefix",
                        "format",
                        "sets",
                        "crosswalk",
                        "holdingsField",
                        "enabled",
                        "schedule",
                        "nextRun",
                        "paused",
                        "running",
                        "watermark",
                        "state",
                        "records",
                        "lastRuns"),
                names(paused));
        JsonNode scheduled = JSON.valueToTree(source(new SourceJson.NextRun("2030-01-01T02:00:00Z")));
        assertEquals("2030-01-01T02:00:00Z", scheduled.get("nextRun").asText());
    }

    @Test
    void aRunHasAReasonOnlyWhenItDidNotComplete() {
        JsonNode complete = JSON.valueToTree(run(null));
        assertFalse(complete.has("reason"));
        assertTrue(complete.get("endedAt").isNull(), "a running run's end is null, not left out");
        assertEquals(
                "no answer", JSON.valueToTree(run("no answer")).get("reason").asText());
    }

    @Test
    void aQuarantinedRecordShowsItsRawXmlOnlyOnItsOwn() {
        QuarantinedRecordJson record = new QuarantinedRecordJson(
                "local:1",
                "1",
                "quarantined",
                "no title",
                "2024-01-01T00:00:00Z",
                "marc21-to-cashl@1",
                "books.xml, record 1");
        assertFalse(JSON.valueToTree(record).has("raw"));
        JsonNode detail = JSON.valueToTree(new QuarantinedRecordDetailJson(record, null));
        assertEquals(
                List.of("id", "localId", "status", "reason", "receivedAt", "crosswalk", "position", "raw"),
                names(detail));
        assertTrue(detail.get("raw").isNull());
    }

    private static SourceJson source(SourceJson.NextRun next) {
        return new SourceJson(
                "demo",
                SourceType.FILE,
                "Demo",
                null,
                null,
                null,
                "marc21",
                List.of(),
                null,
                null,
                true,
                null,
                next,
                false,
                false,
                null,
                "never",
                new SourceJson.RecordCounts(1, 0, 0),
                List.of(),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    @Test
    void onlyTheRunWhoseDeletionsTheGuardHoldsBackSaysSo() {
        assertFalse(JSON.valueToTree(run(null)).has("heldDeletions"));
        HeldDeletions held = new HeldDeletions("calis", 7, "full-20261002.mrc", 10, 40, Instant.EPOCH);
        RunRecord run = new RunRecord(
                7,
                "calis",
                false,
                "schedule",
                Instant.EPOCH,
                Instant.EPOCH,
                RunOutcome.PARTIAL,
                "guard",
                new RunCounts(),
                null,
                null,
                null,
                null);
        RunRecord later = new RunRecord(
                8,
                "calis",
                false,
                "schedule",
                Instant.EPOCH,
                null,
                RunOutcome.RUNNING,
                null,
                new RunCounts(),
                null,
                null,
                null,
                null);
        List<RunJson> runs = RunJson.of(List.of(later, run), Optional.of(held));
        assertFalse(JSON.valueToTree(runs.get(0)).has("heldDeletions"));
        JsonNode json = JSON.valueToTree(runs.get(1)).get("heldDeletions");
        assertEquals(List.of("dump", "deletions", "sourceRecords", "share", "heldAt"), names(json));
        assertEquals(0.25, json.get("share").asDouble());
    }

    private static RunJson run(String reason) {
        return new RunJson(
                7,
                "demo",
                reason == null ? "running" : "failed",
                reason,
                false,
                "manual",
                "2024-01-01T00:00:00Z",
                null,
                Map.of("records", 0L),
                null,
                null,
                null);
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
