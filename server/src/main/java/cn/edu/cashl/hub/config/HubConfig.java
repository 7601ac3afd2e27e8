package cn.edu.cashl.hub.config;

import cn.edu.cashl.hub.catalog.solr.SolrSettings;
import cn.edu.cashl.hub.harvest.HarvestSettings;

/**
 * The hub's settings, as {@code config/cashl-hub.yaml} lays them out. Every leaf can be overridden
 * by an environment variable (see {@link ConfigLoader}). Defaults are in {@link #DEFAULTS}: a key
 * missing from the file keeps its default.
 *
 * @param hub  the server itself
 * @param solr where the catalogue's Solr is
 * @param db      the operational database
 * @param harvest how the harvester treats member servers
 */
public record HubConfig(HubSettings hub, SolrSettings solr, DbSettings db, HarvestSettings harvest) {

    /**
     * @param host    interface to listen on
     * @param port    HTTP port (0 picks a free one)
     * @param dataDir where embedded Solr, the H2 database and logs live; relative to the working directory
     * @param baseUrl public URL of the hub as clients see it (behind a proxy, the proxy's); empty
     *                means {@code http://localhost:<port>}
     */
    public record HubSettings(String host, int port, String dataDir, String baseUrl) {
    }

    /**
     * @param url         JDBC URL; empty means an H2 file database in {@code <dataDir>/db}
     * @param user        database user
     * @param password    database password
     * @param maxPoolSize connections in the pool
     */
    public record DbSettings(String url, String user, String password, int maxPoolSize) {
    }

    public static final HubConfig DEFAULTS = new HubConfig(
            new HubSettings("0.0.0.0", 8080, "./data", ""),
            new SolrSettings("", "", 2, 1, "cashl"),
            new DbSettings("", "sa", "", 10),
            HarvestSettings.DEFAULTS);

    public HubConfig withPort(int port) {
        return new HubConfig(new HubSettings(hub.host(), port, hub.dataDir(), hub.baseUrl()), solr, db, harvest);
    }

    public HubConfig withDataDir(String dataDir) {
        return new HubConfig(new HubSettings(hub.host(), hub.port(), dataDir, hub.baseUrl()), solr, db, harvest);
    }
}
