package cn.edu.cashl.hub.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The migrations on H2: a new database, and one that release 0.1.0 made (with no migration history). */
class MigrationsTest {

    /** The tables migrations added after release 0.1.0: the others are exactly as it made them. */
    private static final List<String> SINCE_RELEASE_010 =
            List.of("HARVEST_DUMP_SEEN", "HARVEST_HELD_DELETIONS", "RESOLVER_LENDER_WEIGHT");

    private static final List<String> TABLES = Stream.concat(
                    SINCE_RELEASE_010.stream(),
                    Stream.of(
                            "QRTZ_BLOB_TRIGGERS",
                            "QRTZ_CALENDARS",
                            "QRTZ_CRON_TRIGGERS",
                            "QRTZ_FIRED_TRIGGERS",
                            "QRTZ_JOB_DETAILS",
                            "QRTZ_LOCKS",
                            "QRTZ_PAUSED_TRIGGER_GRPS",
                            "QRTZ_SCHEDULER_STATE",
                            "QRTZ_SIMPLE_TRIGGERS",
                            "QRTZ_SIMPROP_TRIGGERS",
                            "QRTZ_TRIGGERS",
                            "ADMIN_JOB",
                            "ADMIN_SESSION",
                            "ADMIN_SOURCE",
                            "ADMIN_USER",
                            "CROSSWALK_PUBLICATION",
                            "CROSSWALK_VERSION",
                            "HARVEST_EVENT",
                            "HARVEST_FILE",
                            "HARVEST_RUN",
                            "HARVEST_SOURCE",
                            "HUB_SECRET"))
            .sorted()
            .toList();
    private static final List<String> MIGRATED = List.of(
            "1 harvest", "2 sources and secrets", "3 admin", "4 quartz", "5 dump retirement", "6 resolver lenders");

    @Test
    void anEmptyDatabaseGetsExactlyTheTablesOfRelease010AndThoseAddedSince(@TempDir Path dir) throws Exception {
        try (Database database = Database.open(settings(4), dir.resolve("new"))) {
            try (Connection connection = database.dataSource().getConnection()) {
                assertEquals(TABLES, SchemaSnapshot.tables(connection.getMetaData()));
            }
            assertEquals(MIGRATED, history(database.dataSource()), "no baseline: there was nothing to keep");

            String old = Database.defaultUrl(dir.resolve("old"));
            Release010.create(old, sql -> true);
            assertEquals(
                    SchemaSnapshot.of(h2(old)),
                    SchemaSnapshot.without(SchemaSnapshot.of(database.dataSource()), SINCE_RELEASE_010),
                    "columns, types, defaults, keys, foreign keys and indexes as release 0.1.0 made them");
        }
    }

    @Test
    void aDatabaseOfRelease010IsMigratedInPlaceKeepingItsRows(@TempDir Path dir) throws Exception {
        String url = Database.defaultUrl(dir);
        Release010.create(url, sql -> true);
        DataSource old = h2(url);
        String schema = SchemaSnapshot.of(old);
        try (Connection connection = old.getConnection();
                Statement insert = connection.createStatement()) {
            insert.execute(
                    "INSERT INTO harvest_source (source_id, watermark, updated_at) VALUES ('pku', '2024-05-01T00:00:00Z', 1714521600000)");
            insert.execute(
                    "INSERT INTO harvest_run (source_id, full_harvest, trigger_kind, started_at, outcome, pages) "
                            + "VALUES ('pku', TRUE, 'startup', 1, 'complete', 12), ('pku', FALSE, 'schedule', 2, 'partial', 3)");
            insert.execute(
                    "INSERT INTO harvest_event (run_id, event_time, kind, message) VALUES (2, 3, 'retry', 'HTTP 503, again in 2 s')");
            insert.execute(
                    "INSERT INTO harvest_file (source_id, file_name, file_size, run_id, processed_at) VALUES ('calis', 'a.iso', 10, 1, 4)");
            insert.execute(
                    "INSERT INTO admin_user (user_name, role, password_hash, created_at) VALUES ('alice', 'admin', '$argon2id$v=19$x', 5)");
            insert.execute(
                    "INSERT INTO admin_session (token_hash, user_name, role, csrf_token, created_at, expires_at) "
                            + "VALUES ('ab12', 'alice', 'admin', 'cd34', 6, 7)");
            insert.execute(
                    "INSERT INTO crosswalk_version (crosswalk_id, version, stylesheet, author, created_at, comment) "
                            + "VALUES ('marc21-to-cashl', 2, '<xsl:stylesheet version=\"3.0\"/>', 'alice', 8, '北京大学')");
            insert.execute(
                    "INSERT INTO crosswalk_publication (crosswalk_id, version, published_by, published_at) VALUES ('marc21-to-cashl', 2, 'alice', 9)");
            insert.execute(
                    "INSERT INTO admin_job (kind, crosswalk_id, version, sources, started_by, started_at, total) "
                            + "VALUES ('recrosswalk', 'marc21-to-cashl', 2, 'pku,fudan', 'alice', 10, 500)");
            insert.execute(
                    "INSERT INTO admin_source (source_id, definition, updated_by, updated_at) VALUES ('pku', '{\"id\":\"pku\"}', 'alice', 11)");
            insert.execute("INSERT INTO hub_secret (name, secret) VALUES ('oai-token-key', 'c2VjcmV0')");
            insert.execute(
                    "INSERT INTO QRTZ_JOB_DETAILS (SCHED_NAME, JOB_NAME, JOB_GROUP, JOB_CLASS_NAME, IS_DURABLE, IS_NONCONCURRENT, "
                            + "IS_UPDATE_DATA, REQUESTS_RECOVERY) VALUES ('cashl-hub', 'pku', 'harvest', 'HarvestJob', TRUE, TRUE, FALSE, TRUE)");
            insert.execute("INSERT INTO QRTZ_LOCKS (SCHED_NAME, LOCK_NAME) VALUES ('cashl-hub', 'TRIGGER_ACCESS')");
        }
        Map<String, List<String>> rows = rows(old);

        List<String> history;
        try (Database database = Database.open(settings(1), dir)) {
            Map<String, List<String>> migratedRows = rows(database.dataSource());
            for (String added : SINCE_RELEASE_010) {
                assertEquals(List.of(), migratedRows.remove(added), added + " starts empty");
            }
            assertEquals(rows, migratedRows, "every row as it was");
            assertEquals(
                    schema,
                    SchemaSnapshot.without(SchemaSnapshot.of(database.dataSource()), SINCE_RELEASE_010),
                    "every table as it was");
            history = history(database.dataSource());
            List<String> expected = new ArrayList<>(List.of("0 release 0.1.0, before migrations"));
            expected.addAll(MIGRATED);
            assertEquals(expected, history);
            assertEquals(
                    3,
                    new Jdbc(database.dataSource())
                            .insert(
                                    "INSERT INTO harvest_run (source_id, full_harvest, trigger_kind, started_at, outcome) VALUES ('pku', TRUE, 'manual', 12, 'running')"),
                    "run ids go on from the last one");
            assertEquals(0, Migrations.apply(h2(url)), "once migrated, nothing to do");
        }
        try (Database again = Database.open(settings(1), dir)) {
            assertEquals(history, history(again.dataSource()), "a second open applies nothing");
        }
    }

    @Test
    void aDatabaseWhereRelease010MadeOnlyTheHarvestTablesGetsTheOthers(@TempDir Path dir) throws Exception {
        // As after `./cashl-hub sources` on a new data directory: HarvestStore's tables only.
        Release010.create(Database.defaultUrl(dir), sql -> sql.contains("harvest_"));
        try (Database database = Database.open(settings(2), dir);
                Connection connection = database.dataSource().getConnection()) {
            assertEquals(TABLES, SchemaSnapshot.tables(connection.getMetaData()));
            assertTrue(history(database.dataSource()).containsAll(MIGRATED));
        }
    }

    private static DbSettings settings(int connections) {
        return new DbSettings("", "sa", "", connections);
    }

    private static DataSource h2(String url) {
        JdbcDataSource data = new JdbcDataSource();
        data.setURL(url);
        data.setUser("sa");
        return data;
    }

    /** The versions in the history, as "version description", in the order applied; every one a success. */
    private static List<String> history(DataSource data) {
        return new Jdbc(data)
                .query(
                        "SELECT \"version\", \"description\", \"success\" FROM \"" + Migrations.HISTORY
                                + "\" WHERE \"version\" IS NOT NULL ORDER BY \"installed_rank\"",
                        rs -> {
                            assertTrue(rs.getBoolean(3), rs.getString(2) + " succeeded");
                            return rs.getString(1) + " " + rs.getString(2);
                        });
    }

    /** Every row of every table, as text. */
    private static Map<String, List<String>> rows(DataSource data) throws SQLException {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        try (Connection connection = data.getConnection();
                Statement select = connection.createStatement()) {
            for (String table : SchemaSnapshot.tables(connection.getMetaData())) {
                List<String> lines = new ArrayList<>();
                try (ResultSet rs = select.executeQuery("SELECT * FROM " + table + " ORDER BY 1, 2")) {
                    ResultSetMetaData columns = rs.getMetaData();
                    while (rs.next()) {
                        StringBuilder line = new StringBuilder();
                        for (int i = 1; i <= columns.getColumnCount(); i++) {
                            line.append(columns.getColumnName(i))
                                    .append('=')
                                    .append(rs.getString(i))
                                    .append(' ');
                        }
                        lines.add(line.toString());
                    }
                }
                rows.put(table, lines);
            }
        }
        return rows;
    }
}
