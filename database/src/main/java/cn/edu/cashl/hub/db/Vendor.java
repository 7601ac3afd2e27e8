package cn.edu.cashl.hub.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * The databases the hub runs on. Where their SQL differs, a migration is in each one's
 * {@link #folder}, or a type in it is a placeholder ({@link Migrations}).
 */
public enum Vendor {
    H2("h2", "CLOB"),
    /** Its TEXT is unbounded; H2 makes TEXT a VARCHAR, not the CLOB release 0.1.0 declared. */
    POSTGRESQL("postgresql", "TEXT");

    private final String folder;
    private final String clob;

    Vendor(String folder, String clob) {
        this.folder = folder;
        this.clob = clob;
    }

    /** Its folder of migrations under {@code db/migration}. */
    public String folder() {
        return folder;
    }

    /** Its type for text of any length. */
    public String clob() {
        return clob;
    }

    /** @throws SQLFeatureNotSupportedException for a database that is neither */
    public static Vendor of(DataSource data) throws SQLException {
        try (Connection connection = data.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName();
            String name = product.toLowerCase(Locale.ROOT);
            if (name.equals("h2")) {
                return H2;
            }
            if (name.contains("postgres")) {
                return POSTGRESQL;
            }
            throw new SQLFeatureNotSupportedException("the operational database must be H2 or PostgreSQL, not " + product);
        }
    }
}
