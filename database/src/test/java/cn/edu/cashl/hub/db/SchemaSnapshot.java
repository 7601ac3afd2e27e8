package cn.edu.cashl.hub.db;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * A database's tables as JDBC describes them, one line per column, key, foreign key and index, to
 * compare two schemas. Names the database generated (H2's {@code CONSTRAINT_8}) depend on the order
 * things were created in, so they read {@code *}; names given in the DDL are compared.
 */
final class SchemaSnapshot {

    private static final Pattern GENERATED =
            Pattern.compile("(CONSTRAINT|PRIMARY_KEY)_[0-9A-F]+|.*_INDEX_[0-9A-F]+", Pattern.CASE_INSENSITIVE);

    private SchemaSnapshot() {}

    /** Every table but the migration history, with what it holds. */
    static String of(DataSource data) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Connection connection = data.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            for (String table : tables(meta)) {
                try (ResultSet rs = meta.getColumns(null, null, table, null)) {
                    while (rs.next()) {
                        lines.add(String.format(
                                "%s column %2d %s %s(%d,%d) %s default=%s autoincrement=%s",
                                table,
                                rs.getInt("ORDINAL_POSITION"),
                                rs.getString("COLUMN_NAME"),
                                rs.getString("TYPE_NAME"),
                                rs.getInt("COLUMN_SIZE"),
                                rs.getInt("DECIMAL_DIGITS"),
                                rs.getInt("NULLABLE") == DatabaseMetaData.columnNoNulls ? "NOT NULL" : "NULL",
                                rs.getString("COLUMN_DEF"),
                                rs.getString("IS_AUTOINCREMENT")));
                    }
                }
                Map<String, List<String>> keys = new TreeMap<>();
                try (ResultSet rs = meta.getPrimaryKeys(null, null, table)) {
                    while (rs.next()) {
                        keys.computeIfAbsent(name(rs.getString("PK_NAME")), k -> new ArrayList<>())
                                .add(rs.getShort("KEY_SEQ") + ":" + rs.getString("COLUMN_NAME"));
                    }
                }
                keys.forEach((name, columns) -> lines.add(table + " primary key " + name + " " + columns));
                Map<String, List<String>> foreign = new TreeMap<>();
                try (ResultSet rs = meta.getImportedKeys(null, null, table)) {
                    while (rs.next()) {
                        foreign.computeIfAbsent(
                                        name(rs.getString("FK_NAME")) + " -> " + rs.getString("PKTABLE_NAME")
                                                + " on delete " + rs.getShort("DELETE_RULE"),
                                        k -> new ArrayList<>())
                                .add(rs.getShort("KEY_SEQ") + ":" + rs.getString("FKCOLUMN_NAME") + "="
                                        + rs.getString("PKCOLUMN_NAME"));
                    }
                }
                foreign.forEach((name, columns) -> lines.add(table + " foreign key " + name + " " + columns));
                Map<String, List<String>> indexes = new TreeMap<>();
                try (ResultSet rs = meta.getIndexInfo(null, null, table, false, false)) {
                    while (rs.next()) {
                        if (rs.getString("INDEX_NAME") != null) {
                            indexes.computeIfAbsent(
                                            name(rs.getString("INDEX_NAME"))
                                                    + (rs.getBoolean("NON_UNIQUE") ? "" : " unique"),
                                            k -> new ArrayList<>())
                                    .add(rs.getShort("ORDINAL_POSITION") + ":" + rs.getString("COLUMN_NAME"));
                        }
                    }
                }
                indexes.forEach((name, columns) -> lines.add(table + " index " + name + " " + columns));
            }
        }
        lines.sort(null);
        return String.join("\n", lines);
    }

    /** A snapshot without the lines of some tables (those added after the schema it is compared with). */
    static String without(String snapshot, Collection<String> tables) {
        return snapshot.lines()
                .filter(line -> !tables.contains(line.substring(0, line.indexOf(' '))))
                .collect(Collectors.joining("\n"));
    }

    /** The names of the tables, in the database's own case. */
    static List<String> tables(DatabaseMetaData meta) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (ResultSet rs = meta.getTables(null, null, null, new String[] {"TABLE", "BASE TABLE"})) {
            while (rs.next()) {
                String schema = rs.getString("TABLE_SCHEM");
                String table = rs.getString("TABLE_NAME");
                if (!"INFORMATION_SCHEMA".equalsIgnoreCase(schema)
                        && !"pg_catalog".equals(schema)
                        && !table.equals(Migrations.HISTORY)) {
                    tables.add(table);
                }
            }
        }
        tables.sort(null);
        return tables;
    }

    private static String name(String name) {
        return name == null || GENERATED.matcher(name).matches() ? "*" : name.toLowerCase(Locale.ROOT);
    }
}
