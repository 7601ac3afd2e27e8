package cn.edu.cashl.hub.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.edu.cashl.hub.admin.auth.Passwords;
import cn.edu.cashl.hub.catalog.solr.SolrSettings;
import cn.edu.cashl.hub.testkit.ProjectRoot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    private final ConfigLoader loader = new ConfigLoader();
    private final Path shipped = ProjectRoot.find().resolve("config/cashl-hub.yaml");

    @TempDir
    Path dir;

    private Path yaml(String text) throws Exception {
        Path file = dir.resolve("hub.yaml");
        Files.writeString(file, text);
        return file;
    }

    private String error(Path file, Map<String, String> env) {
        return assertThrows(ConfigException.class, () -> loader.load(file, env)).getMessage();
    }

    @Test
    void defaultsAloneGiveEmbeddedSolrOnPort8080() throws Exception {
        HubConfig config = loader.load(null, Map.of());
        assertEquals(HubConfig.DEFAULTS, config);
        assertEquals(SolrSettings.Mode.EMBEDDED, config.solr().mode());
        assertEquals(8080, config.hub().port());
    }

    @Test
    void shippedFileIsValidAndMatchesTheDefaults() throws Exception {
        assertEquals(HubConfig.DEFAULTS, loader.load(shipped, Map.of()));
    }

    @Test
    void shippedFileDocumentsEveryKey() throws Exception {
        String text = Files.readString(shipped);
        for (String key : ConfigLoader.keys()) {
            String leaf = key.substring(key.lastIndexOf('.') + 1);
            assertTrue(text.contains("  " + leaf + ":"), "config/cashl-hub.yaml lacks " + key);
        }
    }

    @Test
    void fileOverridesOnlyTheKeysItSets() throws Exception {
        HubConfig config = loader.load(yaml("hub:\n  port: 9090\nsolr:\n  url: http://solr:8983/solr\n"), Map.of());
        assertEquals(9090, config.hub().port());
        assertEquals("./data", config.hub().dataDir());
        assertEquals(SolrSettings.Mode.URL, config.solr().mode());
    }

    @Test
    void emptyFileMeansDefaults() throws Exception {
        assertEquals(HubConfig.DEFAULTS, loader.load(yaml(""), Map.of()));
    }

    @Test
    void environmentOverridesTheFile() throws Exception {
        HubConfig config = loader.load(
                yaml("hub:\n  port: 9090\n"),
                Map.of(
                        "CASHL_HUB_PORT", "9191",
                        "CASHL_HUB_DATA_DIR", "/var/lib/cashl",
                        "CASHL_SOLR_ZK", "zk1:2181,zk2:2181/solr",
                        "CASHL_SOLR_REPLICATION_FACTOR", "2",
                        "CASHL_DB_URL", "jdbc:postgresql://db/cashl",
                        "PATH", "/usr/bin",
                        "CASHL_TESTDATA", "../shared/data"));
        assertEquals(9191, config.hub().port());
        assertEquals("/var/lib/cashl", config.hub().dataDir());
        assertEquals(SolrSettings.Mode.CLOUD, config.solr().mode());
        assertEquals(2, config.solr().replicationFactor());
        assertEquals("jdbc:postgresql://db/cashl", config.db().url());
    }

    @Test
    void variableNamesFollowTheKeys() {
        assertEquals("CASHL_SOLR_URL", ConfigLoader.variableFor("solr.url"));
        assertEquals("CASHL_SOLR_ZK", ConfigLoader.variableFor("solr.zk"));
        assertEquals("CASHL_DB_URL", ConfigLoader.variableFor("db.url"));
        assertEquals("CASHL_HUB_DATA_DIR", ConfigLoader.variableFor("hub.dataDir"));
        assertEquals("CASHL_DB_MAX_POOL_SIZE", ConfigLoader.variableFor("db.maxPoolSize"));
        assertEquals(
                List.of(
                        "hub.host",
                        "hub.port",
                        "hub.dataDir",
                        "hub.baseUrl",
                        "solr.url",
                        "solr.zk",
                        "solr.shards",
                        "solr.replicationFactor",
                        "solr.configset",
                        "db.url",
                        "db.user",
                        "db.password",
                        "db.maxPoolSize",
                        "harvest.userAgent",
                        "harvest.timeoutSeconds",
                        "harvest.attempts",
                        "harvest.backoffMillis",
                        "harvest.maxBackoffSeconds",
                        "harvest.maxPageMegabytes",
                        "harvest.overlapSeconds",
                        "harvest.windowRecords",
                        "harvest.prefetch",
                        "harvest.maxDumpDeletionShare",
                        "harvest.crossrefRows",
                        "oai.baseUrl",
                        "oai.repositoryName",
                        "oai.repositoryIdentifier",
                        "oai.adminEmail",
                        "oai.recordsPerPage",
                        "oai.headersPerPage",
                        "oai.tokenLifetimeHours",
                        "oai.tokenKey",
                        "oai.maxConcurrentRequests",
                        "oai.visibilityWaitSeconds",
                        "admin.sessionMinutes",
                        "admin.sessionMaxHours",
                        "admin.secureCookies",
                        "admin.maxFailedLogins",
                        "admin.lockoutMinutes",
                        "admin.recordTimeoutMillis"),
                ConfigLoader.keys());
    }

    @Test
    void adminAccountsComeFromTheFileWithHashesNeverPasswords(@TempDir Path dir) throws Exception {
        String hash = Passwords.hash("correct horse battery");
        Path file = dir.resolve("hub.yaml");
        Files.writeString(
                file, "admin:\n  users:\n    - { name: alice, role: editor, passwordHash: \"" + hash + "\" }\n");
        HubConfig config = new ConfigLoader().load(file, Map.of());
        assertEquals("alice", config.admin().users().get(0).name());
        assertEquals(hash, config.admin().users().get(0).passwordHash());
        Files.writeString(file, "admin:\n  users:\n    - { name: alice, role: admin, passwordHash: \"secret\" }\n");
        ConfigException plain = assertThrows(ConfigException.class, () -> new ConfigLoader().load(file, Map.of()));
        assertTrue(plain.getMessage().contains("Argon2id"), plain.getMessage());
        Files.writeString(
                file, "admin:\n  users:\n    - { name: alice, role: boss, passwordHash: \"" + hash + "\" }\n");
        assertThrows(ConfigException.class, () -> new ConfigLoader().load(file, Map.of()));
    }

    @Test
    void unknownKeyIsNamedWithItsSection() throws Exception {
        String message = error(yaml("hub:\n  prot: 8080\n"), Map.of());
        assertTrue(message.contains("unknown key 'hub.prot'") && message.contains("hub.port"), message);
    }

    @Test
    void unknownSectionIsNamed() throws Exception {
        String message = error(yaml("solar:\n  url: x\n"), Map.of());
        assertTrue(message.contains("unknown key 'solar'"), message);
    }

    @Test
    void wrongTypeNamesTheKeyAndTheValue() throws Exception {
        String message = error(yaml("hub:\n  port: eighty\n"), Map.of());
        assertTrue(
                message.contains("'hub.port'") && message.contains("eighty") && message.contains("whole number"),
                message);
    }

    @Test
    void wrongTypeFromTheEnvironmentNamesTheVariable() throws Exception {
        String message = error(null, Map.of("CASHL_HUB_PORT", "http"));
        assertTrue(message.contains("CASHL_HUB_PORT") && message.contains("hub.port"), message);
    }

    @Test
    void unknownCashlVariableIsAnError() {
        String message = error(null, Map.of("CASHL_SOLR_ULR", "http://x"));
        assertTrue(message.contains("CASHL_SOLR_ULR") && message.contains("CASHL_SOLR_URL"), message);
    }

    @Test
    void sectionGivenAsValueIsRejected() throws Exception {
        String message = error(yaml("solr: http://solr:8983/solr\n"), Map.of());
        assertTrue(message.contains("'solr' must be a section"), message);
    }

    @Test
    void invalidYamlReportsItsLine() throws Exception {
        String message = error(yaml("hub:\n  port: 8080\n   host: [\n"), Map.of());
        assertTrue(message.contains("not valid YAML at line"), message);
    }

    @Test
    void missingFileIsAnError() {
        String message = error(dir.resolve("absent.yaml"), Map.of());
        assertTrue(message.contains("does not exist"), message);
    }

    @Test
    void solrUrlAndZkTogetherAreRejected() {
        String message = error(null, Map.of("CASHL_SOLR_URL", "http://solr:8983/solr", "CASHL_SOLR_ZK", "zk:2181"));
        assertTrue(message.contains("solr.url and solr.zk"), message);
    }

    @Test
    void valuesAreValidated() throws Exception {
        assertTrue(error(null, Map.of("CASHL_HUB_PORT", "70000")).contains("hub.port"));
        assertTrue(error(null, Map.of("CASHL_SOLR_URL", "solr:8983")).contains("solr.url"));
        assertTrue(error(null, Map.of("CASHL_DB_URL", "postgres://db")).contains("db.url"));
        assertTrue(error(null, Map.of("CASHL_SOLR_SHARDS", "0")).contains("solr.shards"));
        assertTrue(error(null, Map.of("CASHL_HARVEST_MAX_DUMP_DELETION_SHARE", "10"))
                .contains("between 0 and 1"));
        assertTrue(error(null, Map.of("CASHL_HARVEST_MAX_DUMP_DELETION_SHARE", "ten"))
                .contains("a number"));
        assertTrue(error(null, Map.of("CASHL_HARVEST_CROSSREF_ROWS", "1001")).contains("between 1 and 1000"));
        assertEquals(
                1000,
                new ConfigLoader()
                        .load(null, Map.of("CASHL_HARVEST_CROSSREF_ROWS", "1000"))
                        .harvest()
                        .crossrefRows());
    }

    @Test
    void theShareOfAFullDumpsDeletionsIsReadAsAFraction() throws Exception {
        assertEquals(0.10, new ConfigLoader().load(null, Map.of()).harvest().maxDumpDeletionShare());
        assertEquals(
                0.25,
                new ConfigLoader()
                        .load(yaml("harvest:\n  maxDumpDeletionShare: 0.25\n"), Map.of())
                        .harvest()
                        .maxDumpDeletionShare());
    }
}
