package cn.edu.cashl.hub.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Plain SQL on the operational database (H2 or PostgreSQL): a statement, its parameters and how to
 * read a row, one connection from the pool per call. Parameters are always bound, never spliced.
 * A failure is a {@link DatabaseException} naming what was being done.
 *
 * <p>Every call runs with the thread's interrupt flag cleared and puts it back afterwards: H2 writes
 * its file through an interruptible channel, and a write made by an interrupted thread (a harvest
 * told to stop) closes the channel and the whole database with it. The caller still sees the flag.
 */
public final class Jdbc {

    /** Reads one row. */
    public interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private final DataSource data;

    public Jdbc(DataSource data) {
        this.data = data;
    }

    public <T> List<T> query(String sql, Row<T> row, Object... parameters) {
        boolean interrupted = Thread.interrupted();
        try (Connection connection = data.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            try (ResultSet rs = statement.executeQuery()) {
                List<T> result = new ArrayList<>();
                while (rs.next()) {
                    result.add(row.map(rs));
                }
                return result;
            }
        } catch (SQLException e) {
            throw new DatabaseException("query failed", e);
        } finally {
            restoreInterrupt(interrupted);
        }
    }

    public <T> Optional<T> first(String sql, Row<T> row, Object... parameters) {
        return query(sql, row, parameters).stream().findFirst();
    }

    /** @return the number of rows changed */
    public int update(String sql, Object... parameters) {
        boolean interrupted = Thread.interrupted();
        try (Connection connection = data.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new DatabaseException("update failed", e);
        } finally {
            restoreInterrupt(interrupted);
        }
    }

    /** Inserts one row and returns its generated key. */
    public long insert(String sql, Object... parameters) {
        boolean interrupted = Thread.interrupted();
        try (Connection connection = data.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            bind(statement, parameters);
            statement.executeUpdate();
            try (ResultSet keys = statement.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        } catch (SQLException e) {
            throw new DatabaseException("insert failed", e);
        } finally {
            restoreInterrupt(interrupted);
        }
    }

    /** Puts back an interrupt taken off the thread for a database call (see the class comment). */
    public static void restoreInterrupt(boolean interrupted) {
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            Object value = parameters[i];
            if (value == null) {
                statement.setNull(i + 1, Types.VARCHAR);
            } else if (value instanceof Long number) {
                statement.setLong(i + 1, number);
            } else if (value instanceof Integer number) {
                statement.setInt(i + 1, number);
            } else if (value instanceof Boolean flag) {
                statement.setBoolean(i + 1, flag);
            } else {
                statement.setString(i + 1, value.toString());
            }
        }
    }

    /** The operational database failed. */
    public static final class DatabaseException extends RuntimeException {
        public DatabaseException(String what, SQLException cause) {
            super(what + ": " + cause.getMessage(), cause);
        }
    }
}
