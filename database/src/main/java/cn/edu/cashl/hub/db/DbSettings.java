package cn.edu.cashl.hub.db;

/**
 * Where the operational database is ({@code db:} in {@code cashl-hub.yaml}).
 *
 * @param url         JDBC URL; empty means an H2 file database in {@code <dataDir>/db}
 * @param user        database user
 * @param password    database password
 * @param maxPoolSize connections in the pool
 */
public record DbSettings(String url, String user, String password, int maxPoolSize) {}
