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
 * @param oai     how the OAI-PMH data provider presents itself
 */
public record HubConfig(HubSettings hub, SolrSettings solr, DbSettings db, HarvestSettings harvest, OaiConfig oai) {

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

    /**
     * @param baseUrl              the OAI-PMH baseURL exactly as harvesters use it; empty means
     *                             {@code <hub.baseUrl>/oai} (or the URL requests arrive at)
     * @param repositoryName       Identify's repositoryName
     * @param repositoryIdentifier the domain name in item identifiers {@code oai:<it>:<id>}
     * @param adminEmail           Identify's adminEmail; several separated by commas
     * @param recordsPerPage       records per ListRecords page
     * @param headersPerPage       headers per ListIdentifiers page
     * @param tokenLifetimeHours   how long resumption tokens stay valid (24 at least)
     * @param tokenKey             the secret resumption tokens are signed with; empty means one
     *                             generated at first start and kept in the operational database
     *                             (so every node of a cluster shares it)
     * @param maxConcurrentRequests OAI-PMH requests served at once; more wait briefly, then get 503
     * @param visibilityWaitSeconds how long a new list waits for catalogue writes in progress
     */
    public record OaiConfig(String baseUrl, String repositoryName, String repositoryIdentifier, String adminEmail,
                            int recordsPerPage, int headersPerPage, int tokenLifetimeHours, String tokenKey,
                            int maxConcurrentRequests, int visibilityWaitSeconds) {
    }

    public static final HubConfig DEFAULTS = new HubConfig(
            new HubSettings("0.0.0.0", 8080, "./data", ""),
            new SolrSettings("", "", 2, 1, "cashl"),
            new DbSettings("", "sa", "", 10),
            HarvestSettings.DEFAULTS,
            new OaiConfig("", "CASHL Hub: union catalogue of foreign-language humanities and social sciences",
                    "hub.cashl.edu.cn", "hub-admin@cashl.edu.cn", 200, 1000, 24, "", 4, 5));

    public HubConfig withPort(int port) {
        return new HubConfig(new HubSettings(hub.host(), port, hub.dataDir(), hub.baseUrl()), solr, db, harvest, oai);
    }

    public HubConfig withDataDir(String dataDir) {
        return new HubConfig(new HubSettings(hub.host(), hub.port(), dataDir, hub.baseUrl()), solr, db, harvest, oai);
    }

    public HubConfig withHub(HubSettings value) {
        return new HubConfig(value, solr, db, harvest, oai);
    }

    public HubConfig withSolr(SolrSettings value) {
        return new HubConfig(hub, value, db, harvest, oai);
    }

    public HubConfig withDb(DbSettings value) {
        return new HubConfig(hub, solr, value, harvest, oai);
    }

    public HubConfig withOai(OaiConfig value) {
        return new HubConfig(hub, solr, db, harvest, value);
    }
}
