package cn.edu.cashl.hub.db;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Migration 4: the tables of Quartz's JDBC job store, made by the script Quartz ships for the
 * database ({@code tables_h2.sql} or {@code tables_postgres.sql} in its jar), so that the schema
 * always matches the Quartz release on the class path and nobody keeps a copy of it. The scripts
 * are not idempotent (PostgreSQL's begins by dropping the tables): where release 0.1.0 made the
 * tables already, this migration leaves them, and their schedules, as they are.
 */
final class QuartzTables implements JavaMigration {

    static final String VERSION = "4";
    /** Where Quartz keeps its scripts: beside its JDBC job store. */
    private static final String SCRIPTS = "/org/quartz/impl/jdbcjobstore/";

    private final Vendor vendor;

    QuartzTables(Vendor vendor) {
        this.vendor = vendor;
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion(VERSION);
    }

    @Override
    public String getDescription() {
        return "quartz";
    }

    /** The same for both scripts: which one runs follows from the database, and the jar decides its text. */
    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException, IOException {
        Connection connection = context.getConnection();
        if (exists(connection.getMetaData())) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            for (String ddl : statements(script())) {
                statement.execute(ddl);
            }
        }
    }

    private boolean exists(DatabaseMetaData meta) throws SQLException {
        // PostgreSQL folds unquoted names to lower case, H2 to upper case.
        String table = vendor == Vendor.POSTGRESQL ? "qrtz_job_details" : "QRTZ_JOB_DETAILS";
        try (ResultSet tables = meta.getTables(null, null, table, null)) {
            return tables.next();
        }
    }

    private String script() throws IOException {
        String name = vendor == Vendor.POSTGRESQL ? "tables_postgres.sql" : "tables_h2.sql";
        try (InputStream in = QuartzTables.class.getResourceAsStream(SCRIPTS + name)) {
            if (in == null) {
                throw new IOException("Quartz's " + name + " is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The script's statements, without its comments and its COMMIT (Flyway commits the migration). */
    static List<String> statements(String script) {
        StringBuilder withoutComments = new StringBuilder();
        script.lines()
                .filter(line -> !line.strip().startsWith("--") && !line.strip().startsWith("#"))
                .forEach(line -> withoutComments.append(line).append('\n'));
        List<String> statements = new ArrayList<>();
        for (String ddl : withoutComments.toString().split(";")) {
            String trimmed = ddl.strip();
            if (!trimmed.isEmpty() && !trimmed.equalsIgnoreCase("commit")) {
                statements.add(trimmed);
            }
        }
        return statements;
    }
}
