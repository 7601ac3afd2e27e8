package cn.edu.cashl.hub.admin;

import static cn.edu.cashl.hub.admin.AdminClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The admin API over HTTP against a running hub with the demo feed: refusal without a session, CSRF,
 * roles, the login throttle, the crosswalk life cycle (check, save, preview, publish with its
 * re-crosswalk, rollback) seen through SRU, the sandbox, the sources dashboard and quarantine, and the
 * statistics.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminApiTest {

    private static final String ADMIN = AdminHub.ADMIN;
    private static final String PASSWORD = AdminHub.PASSWORD;

    @TempDir
    static Path work;

    private AdminHub hub;
    private String base;

    @BeforeAll
    void startHub() throws Exception {
        hub = AdminHub.start(work);
        base = hub.base;
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

    private AdminClient editor() throws Exception {
        return hub.login(AdminHub.EDITOR);
    }

    // --- the door ---------------------------------------------------------------------------------

    @Test
    void everyAdminCallWithoutSessionIsRefusedAndPagesRedirectToLogin() throws Exception {
        AdminClient anonymous = new AdminClient(base);
        for (String path : List.of(
                "/admin/api/sources",
                "/admin/api/crosswalks",
                "/admin/api/stats",
                "/admin/api/users",
                "/admin/api/session",
                "/admin/api/jobs",
                "/admin/api/no-such-thing",
                "/admin/api/openapi.yaml")) {
            HttpResponse<String> response = anonymous.get(path);
            assertEquals(401, response.statusCode(), path);
            assertEquals(
                    "session",
                    AdminClient.JSON.readTree(response.body()).get("reason").asText(),
                    path);
            assertTrue(response.headers().firstValue("WWW-Authenticate").isPresent(), path);
        }
        assertEquals(
                401, anonymous.post("/admin/api/sources/demo/harvest", Map.of()).statusCode());
        assertEquals(
                401,
                anonymous
                        .post("/admin/api/crosswalks/marc21-to-cashl/publish", Map.of("version", 1))
                        .statusCode());
        for (String page : List.of("/admin/", "/admin/crosswalks/marc21-to-cashl", "/admin/stats")) {
            HttpResponse<String> response = anonymous.get(page);
            assertEquals(303, response.statusCode(), page);
            assertTrue(
                    response.headers()
                            .firstValue("Location")
                            .orElseThrow()
                            .endsWith("/admin/login?next=" + page.replace("/", "%2F")),
                    response.headers().firstValue("Location").orElseThrow());
        }
        // Spellings of an admin path that a server might normalise after the door: none gets through.
        for (String path : List.of(
                "//admin/api/users",
                "/admin//api/users",
                "/admin/./api/users",
                "/x/../admin/api/users",
                "/admin/%61pi/users",
                "/%61dmin/api/users",
                "/admin/api;x=1/users",
                "/admin;x=1/api/users",
                "/admin/api/users/",
                "/admin/api/users%2F",
                "/ADMIN/api/users")) {
            int status = anonymous.send("GET", path, null, Map.of()).statusCode();
            assertTrue(status == 401 || status == 400 || status == 404 || status == 303, path + " answered " + status);
        }
        HttpResponse<String> login = anonymous.get("/admin/login");
        assertEquals(200, login.statusCode());
        assertTrue(login.headers()
                .firstValue("Content-Security-Policy")
                .orElseThrow()
                .contains("script-src 'self'"));
        assertEquals("DENY", login.headers().firstValue("X-Frame-Options").orElseThrow());
        // The public protocols stay open and read-only.
        assertEquals(200, anonymous.get("/oai?verb=Identify").statusCode());
        assertEquals(200, anonymous.get("/sru?version=1.2&operation=explain").statusCode());
    }

    @Test
    void loginGivesASecureHttpOnlySameSiteCookieAndLogoutEndsTheSession() throws Exception {
        AdminClient anonymous = new AdminClient(base);
        HttpResponse<String> response =
                anonymous.send("POST", "/admin/api/session", Map.of("username", ADMIN, "password", PASSWORD), Map.of());
        assertEquals(200, response.statusCode(), response.body());
        String cookie = response.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(cookie.startsWith("cashl_admin="), cookie);
        for (String attribute : List.of("HttpOnly", "Secure", "SameSite=Strict", "Path=/admin")) {
            assertTrue(cookie.contains(attribute), cookie + " lacks " + attribute);
        }
        JsonNode session = AdminClient.JSON.readTree(response.body());
        assertEquals("admin", session.get("role").asText());

        AdminClient client = admin();
        assertEquals(
                ADMIN, json(client.get("/admin/api/session"), 200).get("user").asText());
        assertEquals(204, client.delete("/admin/api/session").statusCode());
        assertEquals(
                401,
                client.get("/admin/api/session").statusCode(),
                "the session is gone on the server, not only in the browser");

        assertEquals(
                401,
                anonymous
                        .send(
                                "POST",
                                "/admin/api/session",
                                Map.of("username", ADMIN, "password", "wrong password!"),
                                Map.of())
                        .statusCode());
        assertEquals(
                401,
                anonymous
                        .send(
                                "POST",
                                "/admin/api/session",
                                Map.of("username", "nobody", "password", PASSWORD),
                                Map.of())
                        .statusCode());
    }

    @Test
    void failedLoginsAreRateLimited() throws Exception {
        addUserOverApi("locked-out", "editor");
        AdminClient anonymous = new AdminClient(base);
        Map<String, String> wrong = Map.of("username", "locked-out", "password", "not the password");
        for (int i = 0; i < 5; i++) {
            assertEquals(
                    401,
                    anonymous
                            .send("POST", "/admin/api/session", wrong, Map.of())
                            .statusCode());
        }
        HttpResponse<String> locked = anonymous.send(
                "POST", "/admin/api/session", Map.of("username", "locked-out", "password", PASSWORD), Map.of());
        assertEquals(429, locked.statusCode(), "even the right password waits out the lockout");
        assertTrue(Long.parseLong(locked.headers().firstValue("Retry-After").orElseThrow()) > 0);
    }

    @Test
    void guessesSentInParallelCountToo() throws Exception {
        addUserOverApi("parallel", "editor");
        Map<String, String> wrong = Map.of("username", "parallel", "password", "not the password");
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                answers.add(pool.submit(() -> new AdminClient(base)
                        .send("POST", "/admin/api/session", wrong, Map.of())
                        .statusCode()));
            }
            int tried = 0;
            for (Future<Integer> answer : answers) {
                int status = answer.get();
                assertTrue(status == 401 || status == 429 || status == 503, "status " + status);
                tried += status == 401 ? 1 : 0;
            }
            assertTrue(tried <= 5, tried + " guesses were checked; the limit is 5");
        } finally {
            pool.shutdownNow();
        }
        assertEquals(
                400,
                new AdminClient(base)
                        .send(
                                "POST",
                                "/admin/api/session",
                                Map.of("username", "x".repeat(100_000), "password", PASSWORD),
                                Map.of())
                        .statusCode(),
                "no huge names kept");
    }

    @Test
    void errorsAnswerInJson() throws Exception {
        HttpResponse<String> garbled = new AdminClient(base).send("POST", "/admin/api/session", "{not json", Map.of());
        assertEquals(400, garbled.statusCode());
        assertTrue(garbled.body().startsWith("{\"error\""), garbled.body());
        assertFalse(garbled.body().contains("cn.edu"), "no class names");
        AdminClient client = admin();
        HttpResponse<String> unknown = client.get("/admin/api/crosswalks/marc21-to-cashl/versions/abc");
        assertEquals(404, unknown.statusCode());
        assertTrue(unknown.body().startsWith("{\"error\""), unknown.body());
        assertEquals(
                405, client.send("PUT", "/admin/api/stats", Map.of(), Map.of()).statusCode());
        assertEquals(404, new AdminClient(base).get("/application.wadl").statusCode(), "no WADL listing the admin API");
        JsonNode outbound = json(client.post("/admin/api/crosswalks/cashl-to-mods/publish", Map.of("version", 1)), 409);
        assertTrue(outbound.get("error").asText().contains("already"));
    }

    private void addUserOverApi(String name, String role) throws Exception {
        json(admin().post("/admin/api/users", Map.of("name", name, "role", role, "password", PASSWORD)), 201);
    }

    @Test
    void everyChangeNeedsTheSessionsCsrfTokenAndTheHubsOrigin() throws Exception {
        AdminClient client = admin();
        HttpResponse<String> noToken =
                client.withoutCsrf().post("/admin/api/crosswalks/marc21-to-cashl/check", Map.of("stylesheet", "x"));
        assertEquals(403, noToken.statusCode());
        assertEquals(
                "csrf", AdminClient.JSON.readTree(noToken.body()).get("reason").asText());
        HttpResponse<String> wrongToken = client.send(
                "POST",
                "/admin/api/crosswalks/marc21-to-cashl/check",
                Map.of("stylesheet", "x"),
                Map.of("X-CSRF-Token", "forged"));
        assertEquals(403, wrongToken.statusCode());
        AdminClient other = admin();
        AdminClient mixed = other.withoutCsrf();
        mixed.csrf = client.csrf;
        assertEquals(
                403,
                mixed.post("/admin/api/crosswalks/marc21-to-cashl/check", Map.of("stylesheet", "x"))
                        .statusCode(),
                "a token belongs to its own session");
        HttpResponse<String> crossSite = client.send(
                "POST",
                "/admin/api/crosswalks/marc21-to-cashl/check",
                Map.of("stylesheet", "x"),
                Map.of("Origin", "https://evil.example.com"));
        assertEquals(403, crossSite.statusCode());
        assertEquals(
                403,
                new AdminClient(base)
                        .send(
                                "POST",
                                "/admin/api/session",
                                Map.of("username", ADMIN, "password", PASSWORD),
                                Map.of("Origin", "https://evil.example.com"))
                        .statusCode(),
                "no login from another site either");
        assertEquals(
                200,
                client.post("/admin/api/crosswalks/marc21-to-cashl/check", Map.of("stylesheet", "x"))
                        .statusCode());
        assertEquals(403, client.withoutCsrf().delete("/admin/api/session").statusCode(), "logout is a change too");
    }

    @Test
    void editorsWorkOnCrosswalksOnly() throws Exception {
        AdminClient editor = editor();
        assertEquals(200, editor.get("/admin/api/crosswalks").statusCode());
        assertEquals(200, editor.get("/admin/api/jobs").statusCode());
        assertEquals(200, editor.get("/admin/api/session").statusCode());
        for (String path : List.of(
                "/admin/api/sources",
                "/admin/api/stats",
                "/admin/api/users",
                "/admin/api/runs/1",
                "/admin/api/sources/demo/quarantine")) {
            HttpResponse<String> response = editor.get(path);
            assertEquals(403, response.statusCode(), path);
            assertEquals(
                    "role",
                    AdminClient.JSON.readTree(response.body()).get("reason").asText());
        }
        assertEquals(
                403, editor.post("/admin/api/sources/demo/harvest", Map.of()).statusCode());
        assertEquals(
                403,
                editor.post("/admin/api/users", Map.of("name", "x", "role", "admin", "password", PASSWORD))
                        .statusCode());
        assertEquals(200, editor.get("/admin/").statusCode(), "the pages load; the API decides what an editor may do");
    }

    // --- crosswalks -------------------------------------------------------------------------------

    @Test
    void listsEveryCrosswalkWithTheSourcesThatUseIt() throws Exception {
        JsonNode list = json(admin().get("/admin/api/crosswalks"), 200);
        assertEquals(
                12,
                list.size(),
                "nine inbound (kbart, jats, crossref, oai_doaj and arxiv the last) and three outbound");
        JsonNode marc = find(list, "id", "marc21-to-cashl");
        assertEquals("inbound", marc.get("direction").asText());
        assertTrue(StreamSupport.stream(marc.get("sources").spliterator(), false)
                .anyMatch(s -> s.asText().equals("demo")));
        assertEquals(
                "outbound", find(list, "id", "cashl-to-oai_dc").get("direction").asText());
    }

    @Test
    void compileErrorsComeWithTheirLine() throws Exception {
        String broken = AdminHub.packaged("marc21-to-cashl")
                .replace(
                        "<extent><xsl:value-of select=\"$v\"/></extent>",
                        "<extent><xsl:value-of select=\"$v +\"/></extent>");
        int line = AdminHub.lineOf(broken, "select=\"$v +\"");
        JsonNode check =
                json(admin().post("/admin/api/crosswalks/marc21-to-cashl/check", Map.of("stylesheet", broken)), 200);
        assertFalse(check.get("ok").asBoolean());
        assertEquals(line, check.get("errors").get(0).get("line").asInt(), check.toString());
        JsonNode refused = json(
                admin().post(
                                "/admin/api/crosswalks/marc21-to-cashl/versions",
                                Map.of("stylesheet", broken, "comment", "x")),
                422);
        assertEquals(line, refused.get("errors").get(0).get("line").asInt());
        assertTrue(json(
                        admin().post(
                                        "/admin/api/crosswalks/marc21-to-cashl/check",
                                        Map.of("stylesheet", AdminHub.packaged("marc21-to-cashl"))),
                        200)
                .get("ok")
                .asBoolean());
    }

    @Test
    void theSandboxRefusesFileAccessAndStopsRunawayStylesheets() throws Exception {
        AdminClient client = admin();
        String reader = """
                <xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
                  <xsl:template match="/">
                    <out><xsl:value-of select="unparsed-text('/etc/passwd')"/></out>
                  </xsl:template>
                </xsl:stylesheet>
                """;
        JsonNode check =
                json(client.post("/admin/api/crosswalks/cashl-to-oai_dc/check", Map.of("stylesheet", reader)), 200);
        assertFalse(check.get("ok").asBoolean());
        assertEquals(3, check.get("errors").get(0).get("line").asInt(), check.toString());
        HttpResponse<String> preview = client.post(
                "/admin/api/crosswalks/cashl-to-oai_dc/preview", Map.of("stylesheet", reader, "source", "demo"));
        assertFalse(preview.body().contains("root:"), "never a line of /etc/passwd");
        json(client.post("/admin/api/crosswalks/cashl-to-oai_dc/versions", Map.of("stylesheet", reader)), 422);

        String endless = """
                <xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                    xmlns:f="urn:f" xmlns:xs="http://www.w3.org/2001/XMLSchema" exclude-result-prefixes="#all">
                  <xsl:function name="f:loop" as="xs:integer">
                    <xsl:param name="n" as="xs:integer"/>
                    <xsl:sequence select="f:loop($n + 1)"/>
                  </xsl:function>
                  <xsl:template match="/"><out><xsl:value-of select="f:loop(0)"/></out></xsl:template>
                </xsl:stylesheet>
                """;
        Instant start = Instant.now();
        JsonNode stopped = json(
                client.post(
                        "/admin/api/crosswalks/cashl-to-oai_dc/preview",
                        Map.of("stylesheet", endless, "source", "demo", "count", 1)),
                200);
        assertTrue(Duration.between(start, Instant.now()).toSeconds() < 30);
        JsonNode result = stopped.get("results").get(0);
        assertTrue(result.get("output").isNull());
        assertTrue(
                result.get("error").asText().contains("limit"),
                result.get("error").asText());
        // The hub is still fine afterwards.
        assertEquals(
                200,
                client.get("/sru?version=1.2&operation=searchRetrieve&query=cql.allRecords%3D1")
                        .statusCode());
    }

    @Test
    void savePreviewPublishRecrosswalkAndRollBack() throws Exception {
        AdminClient client = admin();
        String id = "marc21-to-cashl";
        String edited = AdminHub.packaged("marc21-to-cashl")
                .replace(
                        "<extent><xsl:value-of select=\"$v\"/></extent>",
                        "<extent><xsl:value-of select=\"concat($v, ' [checked]')\"/></extent>");
        assertFalse(sruDc().contains("[checked]"));

        JsonNode preview = json(
                client.post(
                        "/admin/api/crosswalks/" + id + "/preview",
                        Map.of("stylesheet", edited, "source", "demo", "count", 3)),
                200);
        assertTrue(preview.get("ok").asBoolean());
        assertEquals(3, preview.get("results").size());
        JsonNode first = preview.get("results").get(0);
        assertTrue(first.get("valid").asBoolean(), first.toString());
        assertTrue(first.get("changed").asBoolean());
        assertTrue(
                first.get("diff").asText().contains("+")
                        && first.get("diff").asText().contains("[checked]"),
                first.get("diff").asText());
        assertTrue(preview.get("schema").asText().contains("CASHL"));

        JsonNode pasted = json(
                client.post(
                        "/admin/api/crosswalks/" + id + "/preview",
                        Map.of("stylesheet", edited, "xml", first.get("input").asText())),
                200);
        JsonNode pastedResult = pasted.get("results").get(0);
        assertEquals("pasted", pastedResult.get("record").asText());
        assertTrue(pastedResult.get("valid").asBoolean(), pastedResult.toString());
        assertTrue(
                pastedResult.get("output").asText().contains("[checked]"),
                "a pasted record goes through the edited crosswalk");

        JsonNode saved = json(
                client.post(
                        "/admin/api/crosswalks/" + id + "/versions",
                        Map.of("stylesheet", edited, "comment", "mark extents")),
                201);
        int version = saved.get("version").asInt();
        assertTrue(version >= 2);
        assertEquals(ADMIN, saved.get("author").asText());
        JsonNode history = json(client.get("/admin/api/crosswalks/" + id + "/versions"), 200);
        assertEquals(version, history.get(0).get("version").asInt());
        assertEquals("mark extents", history.get(0).get("comment").asText());
        String diff = json(client.get("/admin/api/crosswalks/" + id + "/diff?from=1&to=" + version), 200)
                .get("diff")
                .asText();
        assertTrue(diff.contains("-          <extent><xsl:value-of select=\"$v\"/></extent>"), diff);
        assertTrue(
                diff.contains("+          <extent><xsl:value-of select=\"concat($v, ' [checked]')\"/></extent>"), diff);

        JsonNode job = publish(client, id, version, "publish");
        assertEquals("complete", job.get("state").asText(), job.toString());
        assertTrue(job.get("processed").asLong() > 0);
        assertEquals(job.get("total").asLong(), job.get("processed").asLong());
        assertTrue(sruDc().contains("[checked]"), "the re-crosswalked records reach SRU");
        assertEquals(
                version,
                json(client.get("/admin/api/crosswalks/" + id), 200)
                        .get("publishedVersion")
                        .asInt());

        JsonNode back = publish(client, id, 1, "rollback");
        assertEquals("complete", back.get("state").asText());
        assertFalse(sruDc().contains("[checked]"));
        assertEquals(
                409,
                client.post("/admin/api/crosswalks/" + id + "/rollback", Map.of("version", version))
                        .statusCode(),
                "a rollback goes back, not forward");
    }

    /** Publishes (or rolls back to) a version and waits for its re-crosswalk; returns the finished job. */
    private JsonNode publish(AdminClient client, String id, int version, String how) throws Exception {
        JsonNode answer = json(client.post("/admin/api/crosswalks/" + id + "/" + how, Map.of("version", version)), 202);
        long jobId = answer.get("job").get("id").asLong();
        return awaitJob(client, jobId);
    }

    private JsonNode awaitJob(AdminClient client, long jobId) throws Exception {
        Instant deadline = Instant.now().plusSeconds(120);
        while (true) {
            JsonNode job = json(client.get("/admin/api/jobs/" + jobId), 200);
            String state = job.get("state").asText();
            if (state.equals("complete") || state.equals("failed")) {
                return job;
            }
            assertTrue(Instant.now().isBefore(deadline), "job " + jobId + " still " + state);
            Thread.sleep(200);
        }
    }

    private String sruDc() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(
                                        URI.create(
                                                base
                                                        + "/sru?version=1.2&operation=searchRetrieve&recordSchema=dc&maximumRecords=50&query=cql.allRecords%3D1"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        return response.body();
    }

    // --- sources, runs, quarantine ----------------------------------------------------------------

    @Test
    void theDashboardShowsEverySourceWithItsCountsAndSchedule() throws Exception {
        AdminClient client = admin();
        JsonNode sources = json(client.get("/admin/api/sources"), 200);
        JsonNode demo = find(sources, "id", "demo");
        assertTrue(demo.get("records").get("accepted").asLong() > 0);
        assertNotNull(demo.get("state").asText());
        JsonNode local = find(sources, "id", "local");
        assertEquals(1, local.get("records").get("quarantined").asLong());
        assertEquals(404, client.get("/admin/api/sources/nope").statusCode());
    }

    @Test
    void quarantinedRecordsShowTheirReasonAndRawXmlAndCanBeRetried() throws Exception {
        AdminClient client = admin();
        JsonNode list = json(client.get("/admin/api/sources/local/quarantine"), 200);
        assertEquals(1, list.get("total").asLong());
        JsonNode entry = list.get("records").get(0);
        assertFalse(entry.get("reason").asText().isBlank());
        JsonNode record = json(
                client.get(
                        "/admin/api/sources/local/quarantine/" + entry.get("id").asText()),
                200);
        assertTrue(record.get("raw").asText().contains("untitled-1"));
        JsonNode retry = json(client.post("/admin/api/sources/local/quarantine/retry", Map.of()), 202);
        JsonNode job = awaitJob(client, retry.get("job").get("id").asLong());
        assertEquals("complete", job.get("state").asText(), job.toString());
        assertEquals(1, job.get("processed").asLong(), "only the quarantined record is retried");
        assertEquals(
                1, job.get("counts").get("quarantined").asLong(), "still untitled: still quarantined, with its reason");
    }

    @Test
    void runDetailsCarryTheirLog() throws Exception {
        AdminClient client = admin();
        JsonNode retry = json(client.post("/admin/api/sources/demo/quarantine/retry", Map.of()), 202);
        JsonNode job = awaitJob(client, retry.get("job").get("id").asLong());
        long run = job.get("runs").get(0).get("run").asLong();
        JsonNode details = json(client.get("/admin/api/runs/" + run), 200);
        assertEquals("demo", details.get("source").asText());
        assertTrue(details.has("log") && details.has("counts"));
        assertTrue(json(client.get("/admin/api/sources/demo/runs"), 200).size() >= 1);
    }

    @Test
    void pauseAndResumeASchedule() throws Exception {
        AdminClient client = admin();
        assertTrue(json(client.post("/admin/api/sources/demo/pause", Map.of()), 200)
                .get("paused")
                .asBoolean());
        assertTrue(
                json(client.get("/admin/api/sources/demo"), 200).get("paused").asBoolean());
        assertFalse(json(client.post("/admin/api/sources/demo/resume", Map.of()), 200)
                .get("paused")
                .asBoolean());
    }

    @Test
    void aSourceIsSavedOnlyAfterItsOnboardingCheckPasses() throws Exception {
        AdminClient client = admin();
        Map<String, Object> unreachable = Map.of(
                "id",
                "nowhere",
                "type",
                "oai-pmh",
                "url",
                "http://127.0.0.1:9/oai",
                "metadataPrefix",
                "marc21",
                "name",
                "Nowhere");
        JsonNode check = json(client.post("/admin/api/sources/check", unreachable), 200);
        assertFalse(check.get("ok").asBoolean());
        assertFalse(check.get("steps").get(0).get("ok").asBoolean());
        JsonNode refused = json(client.post("/admin/api/sources", unreachable), 422);
        assertFalse(refused.get("check").get("ok").asBoolean());
        assertEquals(404, client.get("/admin/api/sources/nowhere").statusCode(), "nothing saved");
        assertEquals(
                400,
                client.post("/admin/api/sources", Map.of("id", "Bad Id", "type", "file"))
                        .statusCode());
        assertEquals(
                409,
                client.post("/admin/api/sources", Map.of("id", "demo", "type", "file"))
                        .statusCode());

        JsonNode added = json(
                client.post(
                        "/admin/api/sources",
                        Map.of("id", "upload", "type", "file", "name", "Uploads", "nameZh", "上传")),
                201);
        assertEquals("upload", added.get("id").asText());
        assertEquals(
                "上传",
                json(client.get("/admin/api/sources/upload"), 200).get("nameZh").asText());
        JsonNode edited = json(
                client.put(
                        "/admin/api/sources/upload", Map.of("id", "upload", "type", "file", "name", "Uploaded files")),
                200);
        assertEquals("Uploaded files", edited.get("name").asText());
    }

    // --- statistics and users ---------------------------------------------------------------------

    @Test
    void statisticsCountTheCatalogue() throws Exception {
        JsonNode stats = json(admin().get("/admin/api/stats"), 200);
        long masters = stats.get("masterRecords").asLong();
        assertTrue(masters > 0);
        assertTrue(
                stats.get("accepted").asLong() >= masters,
                "deduplication never makes more masters than accepted records");
        assertTrue(stats.get("dedupRatio").asDouble() >= 1.0);
        assertTrue(stats.get("quarantined").asLong() >= 1);
        JsonNode libraries = stats.get("libraries");
        assertTrue(libraries.size() > 10, "the demo feed carries holdings of the member libraries");
        assertTrue(
                libraries.get(0).get("holdings").asLong()
                        >= libraries.get(1).get("holdings").asLong(),
                "most holdings first");
        assertTrue(stats.get("types").size() > 0
                && stats.get("languages").size() > 0
                && stats.get("years").size() > 0);
        assertTrue(stats.has("harvests"));
    }

    @Test
    void adminsManageAccounts() throws Exception {
        AdminClient client = admin();
        json(client.post("/admin/api/users", Map.of("name", "carol", "role", "editor", "password", PASSWORD)), 201);
        json(client.post("/admin/api/users", Map.of("name", "carol", "role", "editor", "password", PASSWORD)), 409);
        json(client.post("/admin/api/users", Map.of("name", "dave", "role", "editor", "password", "short")), 400);
        json(client.post("/admin/api/users", Map.of("name", "dave", "role", "boss", "password", PASSWORD)), 400);
        assertTrue(
                StreamSupport.stream(json(client.get("/admin/api/users"), 200).spliterator(), false)
                        .anyMatch(u -> u.get("name").asText().equals("carol")));
        AdminClient carol = new AdminClient(base).login("carol", PASSWORD);
        assertEquals(204, client.delete("/admin/api/users/carol").statusCode());
        assertEquals(401, carol.get("/admin/api/session").statusCode(), "a deleted account's sessions end with it");
        assertEquals(409, client.delete("/admin/api/users/" + ADMIN).statusCode());
    }

    @Test
    void theApiIsDescribedAsOpenApi() throws Exception {
        HttpResponse<String> spec = admin().get("/admin/api/openapi.yaml");
        assertEquals(200, spec.statusCode());
        assertTrue(
                spec.body().startsWith("openapi: 3."),
                spec.body().substring(0, Math.min(80, spec.body().length())));
    }

    // --- helpers ----------------------------------------------------------------------------------

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode node : array) {
            if (node.get(field).asText().equals(value)) {
                return node;
            }
        }
        throw new AssertionError("no " + field + " " + value + " in " + array);
    }
}
