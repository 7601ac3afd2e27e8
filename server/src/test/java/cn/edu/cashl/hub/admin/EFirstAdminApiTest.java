package cn.edu.cashl.hub.admin;

import static cn.edu.cashl.hub.admin.AdminClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.edu.cashl.hub.testkit.KbartLists;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The E-first admin over HTTP in a running hub: a KBART package harvested at start-up with its titles
 * and quarantined rows, which packages each library's readers can use, and the lenders in the
 * resolver's order, changed by an admin's weight.
 */
class EFirstAdminApiTest {

    private static final String LIST = KbartLists.HEADER
            + "Journal of Asian Studies\t0021-9118\t1752-0401\t1941\t1\t1\t\t\t\t"
            + "https://www.jstor.org/journal/jasianstudies\t\tjasianstudies\tR3Y\tfulltext\t\tAAS\tserial\n"
            + "Modern China\t0097-7004\t1552-6836\t1975\t1\t1\t\t\t\t"
            + "https://www.jstor.org/journal/modechin\t\tmodechin\tR5Y\tfulltext\t\tSage\tserial\n"
            + "Broken\t1\n";

    @TempDir
    Path work;

    @Test
    void packagesAndLendersAsTheResolverSeesThem() throws Exception {
        Path list = work.resolve("jstor.txt");
        Files.writeString(list, LIST);
        try (AdminHub hub = AdminHub.start(work, """
                  - id: pku
                    type: file
                    name: Peking University Library
                    nameZh: 北京大学图书馆
                    tier: centre
                    illBaseUrl: https://ill.example.edu.cn/pku/openurl
                  - id: fudan
                    type: file
                    name: Fudan University Library
                    tier: centre
                  - id: gzu
                    type: file
                    name: Guizhou University Library
                    tier: service
                  - id: jstor-as1
                    type: kbart
                    url: "%s"
                    package: JSTOR Arts & Sciences I
                    libraries: [pku, gzu]
                    illElectronic: true
                    proxy: {pku: "https://proxy.lib.pku.edu.cn/login?url="}
                    name: JSTOR Arts & Sciences I
                  - id: oa-journals
                    type: kbart
                    url: "%s"
                    package: Open journals
                    libraries: all
                    openAccess: true
                """.formatted(uri(list), uri(list)))) {
            AdminClient admin = hub.login(AdminHub.ADMIN);
            JsonNode packages = awaitPackages(admin);
            JsonNode jstor = find(packages.get("packages"), "jstor-as1");
            assertEquals(
                    "JSTOR Arts & Sciences I",
                    jstor.get("source").get("package").asText());
            assertEquals(2, jstor.get("source").get("records").get("accepted").asLong(), jstor.toString());
            assertEquals(
                    1, jstor.get("source").get("records").get("quarantined").asLong());
            assertTrue(jstor.get("source").get("illElectronic").asBoolean());
            assertEquals("kbart", jstor.get("source").get("type").asText());
            assertEquals(List.of("pku", "gzu"), texts(jstor.get("holdingLibraries")));
            assertEquals(
                    List.of("cashl"),
                    texts(find(packages.get("packages"), "oa-journals").get("holdingLibraries")));
            assertEquals(
                    List.of("jstor-as1", "oa-journals"),
                    texts(packages.get("byLibrary").get("pku")));
            assertEquals(List.of("oa-journals"), texts(packages.get("byLibrary").get("fudan")));

            JsonNode lenders = json(admin.get("/admin/api/lenders"), 200);
            assertEquals(
                    List.of("fudan", "pku", "gzu"), libraries(lenders), "centre first, then by code at equal weight");
            assertEquals(1.0, lenders.get("lenders").get(0).get("weight").asDouble());

            JsonNode changed = json(admin.put("/admin/api/lenders/pku", Map.of("weight", 2.5, "note", "fast")), 200);
            assertEquals(2.5, changed.get("weight").asDouble());
            assertEquals(AdminHub.ADMIN, changed.get("updatedBy").asText());
            lenders = json(admin.get("/admin/api/lenders"), 200);
            assertEquals(List.of("pku", "fudan", "gzu"), libraries(lenders));
            assertEquals("fast", lenders.get("lenders").get(0).get("note").asText());
            assertEquals(1, lenders.get("lenders").get(0).get("rank").asInt());

            json(admin.put("/admin/api/lenders/gzu", Map.of("weight", 50)), 200);
            assertEquals(
                    List.of("pku", "fudan", "gzu"),
                    libraries(json(admin.get("/admin/api/lenders"), 200)),
                    "a service library stays after the centre libraries whatever its weight");
            assertEquals(
                    400,
                    admin.put("/admin/api/lenders/pku", Map.of("weight", 1000)).statusCode());
            assertEquals(
                    400,
                    admin.put("/admin/api/lenders/pku", Map.of("note", "no weight"))
                            .statusCode());
            assertEquals(
                    404,
                    admin.put("/admin/api/lenders/jstor-as1", Map.of("weight", 1))
                            .statusCode());
            assertEquals(
                    403,
                    hub.login(AdminHub.EDITOR)
                            .put("/admin/api/lenders/pku", Map.of("weight", 1))
                            .statusCode());
            assertEquals(
                    403, hub.login(AdminHub.EDITOR).get("/admin/api/lenders").statusCode());
        }
    }

    private static String uri(Path file) {
        return file.toAbsolutePath().toUri().toString();
    }

    /** The packages once both lists were harvested (a source never harvested is harvested at start-up). */
    private static JsonNode awaitPackages(AdminClient admin) throws Exception {
        Instant deadline = Instant.now().plusSeconds(120);
        JsonNode packages = null;
        while (Instant.now().isBefore(deadline)) {
            packages = json(admin.get("/admin/api/packages"), 200);
            boolean done = true;
            for (JsonNode p : packages.get("packages")) {
                JsonNode runs = p.get("source").get("lastRuns");
                done &= !runs.isEmpty() && !runs.get(0).get("outcome").asText().equals("running");
            }
            if (done) {
                return packages;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the packages were not harvested: " + packages);
    }

    private static JsonNode find(JsonNode packages, String id) {
        for (JsonNode p : packages) {
            if (p.get("source").get("id").asText().equals(id)) {
                return p;
            }
        }
        throw new AssertionError("no package " + id + " in " + packages);
    }

    private static List<String> libraries(JsonNode lenders) {
        List<String> codes = new ArrayList<>();
        lenders.get("lenders").forEach(l -> codes.add(l.get("library").asText()));
        return codes;
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
