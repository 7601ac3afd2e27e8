package cn.edu.cashl.hub.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.edu.cashl.hub.catalog.CatalogStore;
import cn.edu.cashl.hub.catalog.RecordFilter;
import cn.edu.cashl.hub.catalog.StoreCollection;
import cn.edu.cashl.hub.config.ConfigLoader;
import cn.edu.cashl.hub.config.HubConfig;
import cn.edu.cashl.hub.server.DataDirectory;
import cn.edu.cashl.hub.testkit.ProjectRoot;
import cn.edu.cashl.hub.testkit.oai.GeneratedFeed;
import cn.edu.cashl.hub.testkit.oai.OaiTestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A harvest killed with {@code kill -9} in the middle: a real child process running
 * {@code cashl-hub harvest}, killed while it harvests, then started again. The second process
 * resumes the same run at the page after the last checkpoint (at most one page is fetched again),
 * and the catalogue ends with every record exactly once.
 */
class HarvestKillTest {

    private static final int RECORDS = 600;
    private static final int PAGE = 20;

    @Test
    void aHarvestKilledMidwayResumesAtItsLastPageWithNothingLostOrDuplicated(@TempDir Path dir) throws Exception {
        GeneratedFeed feed =
                new GeneratedFeed(RECORDS, PAGE, false, Instant.now().minus(1, ChronoUnit.DAYS));
        try (OaiTestServer server = OaiTestServer.start(feed).delayMillis(150)) {
            Path sources = dir.resolve("sources.yaml");
            Files.writeString(
                    sources,
                    "sources:\n  - id: crash\n    type: oai-pmh\n    url: " + server.baseUrl()
                            + "\n    metadataPrefix: marc21\n");
            Path data = dir.resolve("data");

            Process first = harvest(data, sources, dir.resolve("first.log"));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (server.listRequests() < 12 && first.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(
                    first.isAlive(),
                    "the harvest was still running when killed:\n" + Files.readString(dir.resolve("first.log")));
            first.destroyForcibly(); // SIGKILL: no shutdown hook, no commit, no clean close
            first.waitFor(30, TimeUnit.SECONDS);
            int beforeKill = server.listRequests();

            Process second = harvest(data, sources, dir.resolve("second.log"));
            assertTrue(second.waitFor(180, TimeUnit.SECONDS), "the second harvest finished");
            String output = Files.readString(dir.resolve("second.log"));
            assertEquals(0, second.exitValue(), output);
            assertTrue(output.contains("outcome: complete"), output);
            assertTrue(output.contains("pages: " + RECORDS / PAGE), output);
            long added = count(output, "added");
            long unchanged = count(output, "unchanged");
            assertEquals(RECORDS, added + unchanged, output);
            assertTrue(unchanged <= PAGE, "at most the records of one page received again: " + output);

            List<String> after = server.listQueries()
                    .subList(beforeKill, server.listQueries().size());
            assertTrue(
                    after.get(0).contains("resumptionToken="),
                    "resumed at a page, not from the start: " + after.get(0));
            int expectedPages = RECORDS / PAGE;
            // The kill costs the page being ingested (its records arrive again: "unchanged" above)
            // and the page fetched ahead of it, never ingested; nothing before the checkpoint.
            assertTrue(
                    server.pagesServed() <= expectedPages + 2,
                    "at most the page in the pipeline and the page ahead fetched again: " + server.pagesServed()
                            + " pages served for " + expectedPages);
            // Besides pages, a date window after the last records may answer noRecordsMatch.
            assertTrue(
                    server.listRequests() - server.pagesServed() <= 1,
                    server.listRequests() + " list requests, " + server.pagesServed() + " pages");

            HubConfig config = new ConfigLoader().load(ProjectRoot.find().resolve("config/cashl-hub.yaml"), Map.of());
            try (DataDirectory opened = DataDirectory.open(config, data)) {
                CatalogStore store = opened.store();
                assertEquals(RECORDS, store.count(StoreCollection.SOURCE, RecordFilter.ALL.withSource("crash")));
                assertEquals(
                        RECORDS,
                        store.count(
                                StoreCollection.CATALOG,
                                RecordFilter.ALL.withLibrary("crash").withDeleted(false)));
            }
        }
    }

    private static long count(String output, String name) {
        return output.lines()
                .filter(line -> line.startsWith(name + ": "))
                .mapToLong(line -> Long.parseLong(line.substring(name.length() + 2)))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " in " + output));
    }

    private static Process harvest(Path data, Path sources, Path log) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(
                        java,
                        "-Xmx512m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        Main.class.getName(),
                        "harvest",
                        "crash",
                        "--data",
                        data.toString(),
                        "--sources",
                        sources.toString(),
                        "--config",
                        ProjectRoot.find().resolve("config/cashl-hub.yaml").toString())
                .directory(ProjectRoot.find().toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }
}
