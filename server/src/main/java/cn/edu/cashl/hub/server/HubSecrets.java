package cn.edu.cashl.hub.server;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Secrets the hub generates once and keeps in the operational database, so that they survive
 * restarts and every node of a cluster (one PostgreSQL) has the same ones: the key that signs
 * OAI-PMH resumption tokens.
 */
final class HubSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final DataSource data;

    HubSecrets(DataSource data) {
        this.data = data;
    }

    /** The secret of this name, generated (32 random bytes, Base64) the first time it is asked for. */
    String get(String name) throws SQLException {
        try (Connection connection = data.getConnection()) {
            Optional<String> existing = read(connection, name);
            if (existing.isPresent()) {
                return existing.get();
            }
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            try (PreparedStatement insert =
                    connection.prepareStatement("INSERT INTO hub_secret (name, secret) VALUES (?, ?)")) {
                insert.setString(1, name);
                insert.setString(2, Base64.getEncoder().encodeToString(bytes));
                insert.executeUpdate();
            } catch (SQLException e) {
                // Another node generated it at the same moment: theirs is the one.
            }
            return read(connection, name).orElseThrow(() -> new SQLException("the secret " + name + " was not stored"));
        }
    }

    private static Optional<String> read(Connection connection, String name) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT secret FROM hub_secret WHERE name = ?")) {
            select.setString(1, name);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }
}
