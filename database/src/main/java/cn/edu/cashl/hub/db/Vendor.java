package cn.edu.cashl.hub.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * The databases the hub runs on. Where their SQL differs, a type in a migration is a placeholder
 * ({@link Migrations}), or a Java migration asks ({@link QuartzTables}).
 */
public enum Vendor {
    H2("CLOB"),
    /** Its TEXT is unbounded; H2 makes TEXT a VARCHAR, not the CLOB release 0.1.0 declared. */
    POSTGRESQL("TEXT");

    private final String clob;

    Vendor(String clob) {
        this.clob = clob;
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
            throw new SQLFeatureNotSupportedException(
                    "the operational database must be H2 or PostgreSQL, not " + product);
        }
    }
}
