package cn.edu.cashl.hub.admin;

import static cn.edu.cashl.hub.admin.AdminClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The journal lists in the admin over HTTP against a running hub: the files of its configuration's
 * {@code journals/} listed with the sources that name them, uploaded (read, counted, saved as the file
 * the harvests read), downloaded, and deleted when no source names them; and sources of type
 * {@code crossref} with their list and contact address.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JournalListsApiTest {

    private static final String LISTS = "/admin/api/journal-lists";
    private static final String TSV = "text/tab-separated-values; charset=UTF-8";
    private static final String AREA_STUDIES = "issn_l\tprint_issn\tonline_issn\ttitle\n"
            + "0021-9118\t0021-9118\t1752-0401\tThe Journal of Asian Studies\n"
            + "Broken\tnone\t\tno ISSN at all\n"
            + "0305-7410\t0305-7410\t1468-2648\tThe China Quarterly\n";

    @TempDir
    static Path work;

    private AdminHub hub;

    @BeforeAll
    void startHub() throws Exception {
        hub = AdminHub.start(work, """
                  - id: crossref
                    type: crossref
                    url: http://127.0.0.1:9/works
                    journals: hss-core
                    mailto: metadata@cashl.edu.cn
                    name: Crossref
                    enabled: false
                  - id: area
                    type: file
                    name: Area studies articles
                    journals: area-studies
                """);
    }

    @AfterAll
    void stopHub() {
        if (hub != null) {
            hub.close();
        }
    }

    private AdminClient admin() throws Exception {
        return hub.login(AdminHub.ADMIN);
    }

    @Test
    void listsTheConfiguredListsWithTheSourcesThatNameThem() throws Exception {
        JsonNode hss = list(admin(), "hss-core");
        assertEquals(12, hss.get("journals").asInt(), hss.toString());
        assertEquals(0, hss.get("rejectedLines").asInt());
        assertEquals(List.of("crossref"), texts(hss.get("usedBy")));
        assertEquals(
                Files.getLastModifiedTime(hub.configDir.resolve("journals/hss-core.tsv"))
                        .toInstant()
                        .toString(),
                hss.get("modifiedAt").asText());
        assertFalse(hss.has("error"));
    }

    @Test
    void anUploadIsCountedSavedAsTheFileTheHarvestsReadAndDownloadedAsSent() throws Exception {
        AdminClient admin = admin();
        Map<String, Object> crossref = crossref("area-crossref", "area-studies");
        JsonNode before = json(admin.post("/admin/api/sources/check", crossref), 200);
        assertTrue(stepMessage(before).contains("does not exist"), before.toString());

        JsonNode saved = json(admin.putText(LISTS + "/area-studies", AREA_STUDIES, TSV), 200);
        assertEquals("area-studies", saved.get("id").asText());
        assertEquals(2, saved.get("journals").asInt());
        assertEquals(1, saved.get("rejectedLines").asInt());
        JsonNode rejected = saved.get("rejected").get(0);
        assertEquals(3, rejected.get("line").asInt());
        assertTrue(rejected.get("reason").asText().contains("no valid ISSN"), rejected.toString());
        Path file = hub.configDir.resolve("journals/area-studies.tsv");
        assertEquals(AREA_STUDIES, Files.readString(file), "the file is the text as sent");
        JsonNode listed = list(admin, "area-studies");
        assertEquals(List.of("area"), texts(listed.get("usedBy")));
        assertEquals(1, listed.get("rejectedLines").asInt());

        // The onboarding check reads the list the admin just saved, as harvests do.
        JsonNode after = json(admin.post("/admin/api/sources/check", crossref), 200);
        assertFalse(stepMessage(after).contains("does not exist"), after.toString());
        assertTrue(stepMessage(after).contains("did not answer"), after.toString());

        HttpResponse<String> download = admin.get(LISTS + "/area-studies");
        assertEquals(200, download.statusCode(), download.body());
        assertEquals(AREA_STUDIES, download.body());
        assertEquals(
                "text/tab-separated-values;charset=utf-8",
                download.headers()
                        .firstValue("Content-Type")
                        .orElseThrow()
                        .toLowerCase()
                        .replace(" ", ""));
        assertEquals(
                "attachment; filename=\"area-studies.tsv\"",
                download.headers().firstValue("Content-Disposition").orElseThrow());

        // Saved again, now as a plain list: the count follows.
        json(
                admin.putText(
                        LISTS + "/area-studies", "# two journals\n0021-9118\n0305-7410\n0097-7004\n", "text/plain"),
                200);
        assertEquals(3, list(admin, "area-studies").get("journals").asInt());
    }

    @Test
    void aListSavedInTheAdminReplacesAHandMadeFileOfTheSameId() throws Exception {
        Path csv = hub.configDir.resolve("journals/handmade.csv");
        Files.writeString(csv, "print_issn,title\n0097-7004,Modern China\n");
        AdminClient admin = admin();
        assertEquals(1, list(admin, "handmade").get("journals").asInt());
        HttpResponse<String> download = admin.get(LISTS + "/handmade");
        assertTrue(download.headers().firstValue("Content-Type").orElseThrow().startsWith("text/csv"));
        assertTrue(download.headers()
                .firstValue("Content-Disposition")
                .orElseThrow()
                .contains("handmade.csv"));

        json(
                admin.putText(
                        LISTS + "/handmade", "print_issn,title\n0097-7004,Modern China\n0305-7410,CQ\n", "text/csv"),
                200);
        assertFalse(Files.exists(csv), "the list is one file, the one the readers read");
        assertTrue(Files.exists(hub.configDir.resolve("journals/handmade.tsv")));
        assertEquals(2, list(admin, "handmade").get("journals").asInt());
    }

    @Test
    void aListWithoutASingleJournalIsRefusedAndNothingChanges() throws Exception {
        AdminClient admin = admin();
        JsonNode refused = json(admin.putText(LISTS + "/nothing", "Modern China\n1234-5678\n", "text/plain"), 400);
        assertTrue(refused.get("error").asText().contains("nothing was saved"), refused.toString());
        assertEquals(2, refused.get("rejectedLines").asInt());
        assertEquals(List.of(1, 2), lines(refused.get("rejected")));
        assertFalse(Files.exists(hub.configDir.resolve("journals/nothing.tsv")));
        assertEquals(404, admin.get(LISTS + "/nothing").statusCode());

        json(admin.putText(LISTS + "/hss-core", "", TSV), 400);
        assertEquals(12, list(admin, "hss-core").get("journals").asInt(), "the old list stays");
        try (var files = Files.list(hub.configDir.resolve("journals"))) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith(".upload")), "no upload left behind");
        }
    }

    @Test
    void aListLargerThanOtherAdminBodiesIsTakenUpToItsOwnLimit() throws Exception {
        AdminClient admin = admin();
        String padding = "# " + "x".repeat(1021) + "\n"; // 1 KB a line
        String nineMegabytes = padding.repeat(9 * 1024) + "0097-7004\n";
        assertEquals(
                1,
                json(admin.putText(LISTS + "/padded", nineMegabytes, "text/plain"), 200)
                        .get("journals")
                        .asInt());
        HttpResponse<String> tooLarge =
                admin.putText(LISTS + "/padded", padding.repeat(20 * 1024) + "0097-7004\n", "text/plain");
        assertEquals(413, tooLarge.statusCode());
        assertTrue(tooLarge.body().startsWith("{\"error\""), tooLarge.body());
        assertEquals(204, admin.delete(LISTS + "/padded").statusCode());
    }

    @Test
    void aListNamedBySourcesIsNotDeleted() throws Exception {
        AdminClient admin = admin();
        JsonNode inUse = json(admin.delete(LISTS + "/hss-core"), 409);
        assertEquals(List.of("crossref"), texts(inUse.get("usedBy")));
        assertTrue(inUse.get("error").asText().contains("crossref"), inUse.toString());
        assertTrue(Files.exists(hub.configDir.resolve("journals/hss-core.tsv")));

        json(admin.putText(LISTS + "/short-lived", "0097-7004\n", "text/plain"), 200);
        assertEquals(204, admin.delete(LISTS + "/short-lived").statusCode());
        assertFalse(Files.exists(hub.configDir.resolve("journals/short-lived.tsv")));
        assertEquals(404, admin.get(LISTS + "/short-lived").statusCode());
        json(admin.delete(LISTS + "/short-lived"), 404);
        assertFalse(ids(admin).contains("short-lived"));
    }

    @Test
    void idsAreLowerCaseCodes() throws Exception {
        AdminClient admin = admin();
        for (String id : List.of("HSS", "a%20b", "-core", "a".repeat(65), "..hss")) {
            json(admin.putText(LISTS + "/" + id, "0097-7004\n", "text/plain"), 400);
            json(admin.get(LISTS + "/" + id), 400);
            json(admin.delete(LISTS + "/" + id), 400);
        }
        assertEquals(404, admin.get(LISTS + "/no-such-list").statusCode());
        JsonNode json = json(admin.put(LISTS + "/hss-core", Map.of("text", "0097-7004")), 415);
        assertTrue(json.get("error").asText().contains("Content-Type"), json.toString());
    }

    @Test
    void onlyAdminsSeeAndChangeJournalLists() throws Exception {
        AdminClient editor = hub.login(AdminHub.EDITOR);
        for (HttpResponse<String> refused : List.of(
                editor.get(LISTS),
                editor.get(LISTS + "/hss-core"),
                editor.putText(LISTS + "/hss-core", "0097-7004\n", "text/plain"),
                editor.delete(LISTS + "/hss-core"))) {
            assertEquals("role", json(refused, 403).get("reason").asText());
        }
        HttpResponse<String> noToken = admin().withoutCsrf().putText(LISTS + "/hss-core", "0097-7004\n", "text/plain");
        assertEquals("csrf", json(noToken, 403).get("reason").asText());
        assertEquals(401, new AdminClient(hub.base).get(LISTS).statusCode());
        assertEquals(12, list(admin(), "hss-core").get("journals").asInt());
    }

    // --- sources of type crossref -----------------------------------------------------------------

    @Test
    void crossrefSourcesCarryTheirJournalListAndContact() throws Exception {
        AdminClient admin = admin();
        JsonNode source = json(admin.get("/admin/api/sources/crossref"), 200);
        assertEquals("crossref", source.get("type").asText());
        assertEquals("hss-core", source.get("journals").asText());
        assertEquals("metadata@cashl.edu.cn", source.get("mailto").asText());
        JsonNode dashboard = json(admin.get("/admin/api/sources"), 200);
        assertTrue(texts(dashboard, "id").contains("crossref"));
        assertFalse(json(admin.get("/admin/api/sources/demo"), 200).has("journals"), "left out when a source has none");

        Map<String, Object> noList = crossref("no-list", null);
        assertTrue(json(admin.post("/admin/api/sources", noList), 400)
                .get("error")
                .asText()
                .contains("needs journals"));
        Map<String, Object> badAddress = crossref("bad-address", "hss-core");
        badAddress.put("mailto", "nobody");
        assertTrue(json(admin.post("/admin/api/sources", badAddress), 400)
                .get("error")
                .asText()
                .contains("mailto"));
        assertTrue(json(admin.post("/admin/api/sources", crossref("bad-list", "HSS Core")), 400)
                .get("error")
                .asText()
                .contains("not a journal list id"));

        JsonNode saved = json(
                admin.post(
                        "/admin/api/sources",
                        Map.of("id", "scoped", "type", "file", "name", "Scoped imports", "journals", "hss-core")),
                201);
        assertEquals("hss-core", saved.get("journals").asText());
        assertEquals(
                "hss-core",
                json(admin.get("/admin/api/sources/scoped"), 200)
                        .get("journals")
                        .asText());
        assertTrue(texts(list(admin, "hss-core").get("usedBy")).contains("scoped"));
        json(
                admin.put(
                        "/admin/api/sources/scoped", Map.of("id", "scoped", "type", "file", "name", "Scoped imports")),
                200);
        assertFalse(json(admin.get("/admin/api/sources/scoped"), 200).has("journals"));
        assertEquals(List.of("crossref"), texts(list(admin, "hss-core").get("usedBy")));
    }

    // --- helpers ----------------------------------------------------------------------------------

    private static Map<String, Object> crossref(String id, String journals) {
        Map<String, Object> source = new HashMap<>(Map.of(
                "id", id, "type", "crossref", "url", "http://127.0.0.1:9/works", "mailto", "metadata@cashl.edu.cn"));
        if (journals != null) {
            source.put("journals", journals);
        }
        return source;
    }

    /** The message of the onboarding check's first step (a Crossref source has one, {@code location}). */
    private static String stepMessage(JsonNode report) {
        return report.get("steps").get(0).get("message").asText();
    }

    private static JsonNode list(AdminClient admin, String id) throws Exception {
        for (JsonNode list : json(admin.get(LISTS), 200).get("lists")) {
            if (list.get("id").asText().equals(id)) {
                return list;
            }
        }
        throw new AssertionError("no journal list " + id);
    }

    private static List<String> ids(AdminClient admin) throws Exception {
        return texts(json(admin.get(LISTS), 200).get("lists"), "id");
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.get(field).asText()));
        return values;
    }

    private static List<Integer> lines(JsonNode rejected) {
        List<Integer> values = new ArrayList<>();
        rejected.forEach(v -> values.add(v.get("line").asInt()));
        return values;
    }
}
