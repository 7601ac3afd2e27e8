package cn.edu.cashl.hub.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The operational database: harvest runs, watermarks, the Quartz job store, crosswalk versions,
 * admin users. An H2 file under the data directory by default; PostgreSQL for a cluster of hubs.
 */
public final class Database implements AutoCloseable {

    private final HikariDataSource pool;
    private final String url;

    private Database(HikariDataSource pool, String url) {
        this.pool = pool;
        this.url = url;
    }

    /** Opens the pool and brings the database to the current schema ({@link Migrations}). */
    public static Database open(DbSettings settings, Path dataDir) throws DatabaseException {
        String url = settings.url() == null || settings.url().isBlank() ? defaultUrl(dataDir) : settings.url();
        HikariConfig config = new HikariConfig();
        config.setPoolName("cashl-db");
        config.setJdbcUrl(url);
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(settings.maxPoolSize());
        config.setMinimumIdle(1);
        config.setConnectionTimeout(10_000);
        config.setInitializationFailTimeout(10_000);
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new DatabaseException("cannot open the database at " + url + ": " + rootMessage(e), e);
        }
        try {
            Migrations.apply(url, settings.user(), settings.password());
            return new Database(pool, url);
        } catch (DatabaseException e) {
            pool.close();
            throw new DatabaseException("cannot open the database at " + url + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    /**
     * An H2 file database in {@code <dataDir>/db}. DB_CLOSE_ON_EXIT=FALSE: the hub closes it itself,
     * after the components that use it, instead of H2's own shutdown hook racing them.
     * WRITE_DELAY=0: a commit is on disk when it returns (H2 otherwise writes up to half a second
     * later), so that a harvest checkpoint survives the hub being killed right after it.
     */
    static String defaultUrl(Path dataDir) {
        return "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("db").resolve("cashl")
                + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";
    }

    public DataSource dataSource() {
        return pool;
    }

    /** State for {@code /health}: product and version when up, the error when not. Never throws. */
    public Health health() {
        try (Connection connection = pool.getConnection()) {
            if (!connection.isValid(5)) {
                return new Health(false, null, null, "connection is not valid");
            }
            DatabaseMetaData meta = connection.getMetaData();
            return new Health(true, meta.getDatabaseProductName(), meta.getDatabaseProductVersion(), null);
        } catch (SQLException | RuntimeException e) {
            return new Health(false, null, null, rootMessage(e));
        }
    }

    /** Database state; {@code error} is null when it is up. */
    public record Health(boolean up, String product, String version, String error) {}

    public String url() {
        return url;
    }

    @Override
    public void close() {
        pool.close();
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
