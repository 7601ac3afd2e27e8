package cn.edu.cashl.hub.admin.crosswalk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.edu.cashl.hub.db.DatabaseException;
import cn.edu.cashl.hub.db.Jdbc;
import cn.edu.cashl.hub.db.Migrations;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** Versions and publications in the database, as two nodes of a cluster share them. */
class CrosswalkVersionsTest {

    private static JdbcDataSource database(String name) throws DatabaseException {
        JdbcDataSource data = new JdbcDataSource();
        data.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        Migrations.apply(data);
        return data;
    }

    @Test
    void twoNodesSavingAtOnceGetDistinctVersionNumbers() throws Exception {
        JdbcDataSource data = database("versions-race");
        // Two instances: two nodes, each with its own lock, one database.
        CrosswalkVersions first = new CrosswalkVersions(new Jdbc(data), Clock.systemUTC());
        CrosswalkVersions second = new CrosswalkVersions(new Jdbc(data), Clock.systemUTC());
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> saved = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                CrosswalkVersions node = i % 2 == 0 ? first : second;
                saved.add(nodes.submit(
                        () -> node.save("marc21-to-cashl", "<x/>", "alice", "").version()));
            }
            Set<Integer> numbers = new HashSet<>();
            for (Future<Integer> version : saved) {
                assertTrue(numbers.add(version.get()), "version numbers are unique");
            }
            assertEquals(20, numbers.size());
            assertEquals(21, first.latest("marc21-to-cashl"), "2 to 21: version 1 is the packaged one");
        } finally {
            nodes.shutdownNow();
        }
    }

    @Test
    void theLivePublicationIsTheLatestAndTheHistoryKeepsEveryOne() throws Exception {
        CrosswalkVersions versions = new CrosswalkVersions(new Jdbc(database("publications")), Clock.systemUTC());
        assertTrue(versions.published("cashl-to-mods").isEmpty(), "the packaged version until something is published");
        versions.save("cashl-to-mods", "<x/>", "alice", "first");
        versions.publish("cashl-to-mods", 2, "alice");
        versions.publish("cashl-to-mods", 1, "bob");
        assertEquals(1, versions.published("cashl-to-mods").orElseThrow().version());
        assertEquals("bob", versions.publishedAll().get("cashl-to-mods").publishedBy());
        assertEquals(2, versions.publications("cashl-to-mods").size());
        assertEquals(
                "cashl-hub",
                versions.versions("cashl-to-mods").get(1).author(),
                "the packaged version closes the history");
        assertTrue(
                versions.version("cashl-to-mods", 1).orElseThrow().stylesheet().contains("xsl:stylesheet"));
    }
}
