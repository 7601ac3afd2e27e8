package cn.edu.cashl.hub.admin;

import static cn.edu.cashl.hub.admin.AdminClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full CALIS dump in a running hub, over HTTP: a truncated dump stopped by the guard shows its
 * held deletions on the run, the admin's confirmation retires the records, and OAI-PMH harvesters
 * see them as deleted records.
 */
class DumpRetirementApiTest {

    private static final Pattern HEADER = Pattern.compile("<header( status=\"deleted\")?>");

    @TempDir
    Path work;

    @Test
    void theGuardHoldsATruncatedDumpBackUntilTheAdminConfirmsThenOaiPmhShowsTheDeletions() throws Exception {
        Path export = Files.createDirectories(work.resolve("calis-export"));
        Files.writeString(export.resolve("calis-full-20261001.xml"), dump(20));
        try (AdminHub hub = AdminHub.start(
                work, """
                  - id: calis
                    type: calis-export
                    url: "%s"
                    format: marcxml
                    name: CALIS union catalogue
                """.formatted(export.toAbsolutePath().toString().replace("\\", "/")))) {
            AdminClient admin = hub.login(AdminHub.ADMIN);
            JsonNode first = awaitRun(admin, 0); // a source never harvested is harvested at start-up
            assertEquals("complete", first.get("outcome").asText(), first.toString());
            assertEquals(20, first.get("counts").get("added").asLong());
            assertEquals(Map.of("live", 20, "deleted", 0), headers(admin));

            // The export job stopped half-way: a newer dump with the first 10 records.
            Files.writeString(export.resolve("calis-full-20261002.xml"), dump(10));
            JsonNode queued = json(admin.post("/admin/api/sources/calis/harvest", null), 202);
            assertFalse(queued.get("confirmDeletions").asBoolean());
            JsonNode held = awaitRun(admin, first.get("id").asLong());
            assertEquals("partial", held.get("outcome").asText());
            assertTrue(
                    held.get("reason")
                            .asText()
                            .contains("would delete 10 of 20 records (50 %), more than the 10 % guard"),
                    held.get("reason").asText());
            JsonNode detail = json(admin.get("/admin/api/runs/" + held.get("id").asLong()), 200);
            JsonNode pending = detail.get("heldDeletions");
            assertEquals("calis-full-20261002.xml", pending.get("dump").asText());
            assertEquals(10, pending.get("deletions").asLong());
            assertEquals(20, pending.get("sourceRecords").asLong());
            assertEquals(0.5, pending.get("share").asDouble());
            assertTrue(
                    detail.get("log").findValuesAsText("kind").contains("guard"),
                    detail.get("log").toString());
            assertEquals(Map.of("live", 20, "deleted", 0), headers(admin), "nothing deleted");

            // Confirming is a change like any other: the admin role and the CSRF token.
            String confirm = "/admin/api/sources/calis/harvest?confirmDeletions=true";
            assertEquals(403, hub.login(AdminHub.EDITOR).post(confirm, null).statusCode());
            assertEquals(403, admin.withoutCsrf().post(confirm, null).statusCode());
            assertTrue(
                    json(admin.post(confirm, null), 202).get("confirmDeletions").asBoolean());
            JsonNode confirmed = awaitRun(admin, held.get("id").asLong());
            assertEquals("complete", confirmed.get("outcome").asText(), confirmed.toString());
            assertEquals(10, confirmed.get("counts").get("deleted").asLong());
            for (JsonNode run : json(admin.get("/admin/api/sources/calis/runs"), 200)) {
                assertFalse(run.has("heldDeletions"), "nothing is held back any more: " + run);
            }
            assertEquals(Map.of("live", 10, "deleted", 10), headers(admin));
        }
    }

    /** The newest run of the source after {@code after}, once it ended. */
    private static JsonNode awaitRun(AdminClient admin, long after) throws Exception {
        Instant deadline = Instant.now().plusSeconds(120);
        while (Instant.now().isBefore(deadline)) {
            JsonNode runs = json(admin.get("/admin/api/sources/calis/runs?limit=1"), 200);
            if (!runs.isEmpty()) {
                JsonNode run = runs.get(0);
                if (run.get("id").asLong() > after
                        && !run.get("outcome").asText().equals("running")) {
                    return run;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no run of calis ended after run " + after);
    }

    /** The live and deleted records of the library set of CALIS, as OAI-PMH harvesters list them. */
    private static Map<String, Integer> headers(AdminClient admin) throws Exception {
        String page = admin.get("/oai?verb=ListIdentifiers&metadataPrefix=oai_dc&set=library:calis")
                .body();
        int live = 0;
        int deleted = 0;
        Matcher header = HEADER.matcher(page);
        while (header.find()) {
            if (header.group(1) == null) {
                live++;
            } else {
                deleted++;
            }
        }
        return Map.of("live", live, "deleted", deleted);
    }

    /** A MARCXML dump of books 1 to {@code count}, each a title of its own. */
    private static String dump(int count) {
        return IntStream.rangeClosed(1, count)
                .mapToObj(n -> """
                        <record><leader>00000nam a2200000 a 4500</leader>\
                        <controlfield tag="001">d%02d</controlfield>\
                        <controlfield tag="008">200101s2020    xx            000 0 eng d</controlfield>\
                        <datafield tag="050" ind1="0" ind2="0"><subfield code="a">DS735</subfield></datafield>\
                        <datafield tag="245" ind1="1" ind2="0"><subfield code="a">Essays on Asian history, \
                        volume %d</subfield></datafield></record>
                        """.formatted(n, n))
                .collect(Collectors.joining(
                        "", "<collection xmlns=\"http://www.loc.gov/MARC21/slim\">\n", "</collection>\n"));
    }
}
