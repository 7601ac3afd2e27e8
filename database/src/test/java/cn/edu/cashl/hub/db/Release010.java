package cn.edu.cashl.hub.db;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A database as release 0.1.0 left it, before migrations: its classes' DDL (test resources
 * {@code release-0.1.0/}) and the {@code tables_h2.sql} of the Quartz jar, run the way it ran them.
 */
final class Release010 {

    private Release010() {}

    /** Creates the tables of the statements {@code wanted} accepts, in the H2 database at this URL. */
    static void create(String url, Predicate<String> wanted) throws SQLException {
        List<String> statements = new ArrayList<>(statements("/release-0.1.0/tables.sql"));
        statements.addAll(statements("/org/quartz/impl/jdbcjobstore/tables_h2.sql"));
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                if (wanted.test(sql)) {
                    statement.execute(sql);
                }
            }
        }
    }

    /** A script's statements, split as release 0.1.0 split Quartz's (and migration 4 still does). */
    private static List<String> statements(String resource) {
        try (InputStream in = Release010.class.getResourceAsStream(resource)) {
            return QuartzTables.statements(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
