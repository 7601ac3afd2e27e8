package cn.edu.cashl.hub.db;

import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The schema of the operational database: one ordered list of migrations, the SQL ones under
 * {@code db/migration/common} (a type H2 and PostgreSQL name differently is a placeholder,
 * {@code ${clob}}, {@link Vendor#clob}) and {@link QuartzTables}, which runs the script Quartz
 * ships for the database. Flyway applies the missing ones and records each in {@value #HISTORY}.
 *
 * <p>Release 0.1.0 created its tables itself and kept no history. Its databases are baselined at
 * version {@value #BASELINE}, below the first migration, so that every migration still runs on
 * them; the migrations of the tables it created say {@code IF NOT EXISTS} and keep its rows.
 */
public final class Migrations {

    private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);

    /** Flyway's table of the migrations applied. */
    public static final String HISTORY = "flyway_schema_history";

    static final String BASELINE = "0";

    private Migrations() {}

    /**
     * Brings the database to the current schema; nothing to do (one read of {@value #HISTORY}) when
     * it is there already. Flyway takes two connections of {@code data} at once.
     *
     * @return the migrations applied now
     */
    public static int apply(DataSource data) throws DatabaseException {
        return migrate(Flyway.configure(Migrations.class.getClassLoader()).dataSource(data));
    }

    /** As {@link #apply(DataSource)}, through connections of its own: the hub's pool may have only one. */
    static int apply(String url, String user, String password) throws DatabaseException {
        return migrate(Flyway.configure(Migrations.class.getClassLoader()).dataSource(url, user, password));
    }

    private static int migrate(FluentConfiguration configuration) throws DatabaseException {
        Vendor vendor;
        try {
            vendor = Vendor.of(configuration.getDataSource());
        } catch (SQLException e) {
            throw new DatabaseException(e.getMessage(), e);
        }
        Flyway flyway = configuration
                .loggers("slf4j")
                .locations("classpath:db/migration/common")
                .javaMigrations(new QuartzTables(vendor))
                .placeholders(Map.of("clob", vendor.clob()))
                .table(HISTORY)
                .baselineOnMigrate(true)
                .baselineVersion(BASELINE)
                .baselineDescription("release 0.1.0, before migrations")
                .load();
        try {
            MigrateResult result = flyway.migrate();
            if (result.migrationsExecuted > 0) {
                LOG.info(
                        "database schema now at version {}: {} migrations applied",
                        result.targetSchemaVersion,
                        result.migrationsExecuted);
            }
            return result.migrationsExecuted;
        } catch (FlywayException e) {
            throw new DatabaseException("its schema cannot be migrated: " + e.getMessage(), e);
        }
    }
}
