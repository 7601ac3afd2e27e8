package cn.edu.cashl.hub.config;

import cn.edu.cashl.hub.catalog.solr.SolrSettings;
import cn.edu.cashl.hub.db.DbSettings;
import cn.edu.cashl.hub.harvest.HarvestSettings;
import java.util.List;

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
 * @param admin   the web admin: accounts, sessions, the editor's sandbox
 */
public record HubConfig(
        HubSettings hub,
        SolrSettings solr,
        DbSettings db,
        HarvestSettings harvest,
        OaiConfig oai,
        AdminSettings admin) {

    /**
     * @param host    interface to listen on
     * @param port    HTTP port (0 picks a free one)
     * @param dataDir where embedded Solr, the H2 database and logs live; relative to the working directory
     * @param baseUrl public URL of the hub as clients see it (behind a proxy, the proxy's); empty
     *                means {@code http://localhost:<port>}
     */
    public record HubSettings(String host, int port, String dataDir, String baseUrl) {}

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
    public record OaiConfig(
            String baseUrl,
            String repositoryName,
            String repositoryIdentifier,
            String adminEmail,
            int recordsPerPage,
            int headersPerPage,
            int tokenLifetimeHours,
            String tokenKey,
            int maxConcurrentRequests,
            int visibilityWaitSeconds) {}

    /**
     * @param sessionMinutes      an admin session ends after this long without use
     * @param sessionMaxHours     and in any case this long after login
     * @param secureCookies       mark the session cookie Secure (sent over HTTPS only; browsers also
     *                            accept it from http://localhost); turn off only for plain HTTP on a
     *                            trusted network
     * @param maxFailedLogins     failed logins of one account name before it is locked out
     * @param lockoutMinutes      how long a lockout lasts
     * @param recordTimeoutMillis the longest an admin-written stylesheet may take for one record
     * @param users               accounts defined here (read-only in the admin): name, role
     *                            ({@code admin} or {@code editor}) and an Argon2id passwordHash made with
     *                            {@code ./cashl-hub user hash}; not overridable by environment variables
     */
    public record AdminSettings(
            int sessionMinutes,
            int sessionMaxHours,
            boolean secureCookies,
            int maxFailedLogins,
            int lockoutMinutes,
            int recordTimeoutMillis,
            List<AdminUser> users) {
        public AdminSettings {
            users = users == null ? List.of() : List.copyOf(users);
        }
    }

    /** An account of {@code admin.users}. */
    public record AdminUser(String name, String role, String passwordHash) {}

    public static final HubConfig DEFAULTS = new HubConfig(
            new HubSettings("0.0.0.0", 8080, "./data", ""),
            new SolrSettings("", "", 2, 1, "cashl"),
            new DbSettings("", "sa", "", 10),
            HarvestSettings.DEFAULTS,
            new OaiConfig(
                    "",
                    "CASHL Hub: union catalogue of foreign-language humanities and social sciences",
                    "hub.cashl.edu.cn",
                    "hub-admin@cashl.edu.cn",
                    200,
                    1000,
                    24,
                    "",
                    4,
                    5),
            new AdminSettings(120, 12, true, 5, 15, 2000, List.of()));

    public HubConfig withPort(int port) {
        return new HubConfig(
                new HubSettings(hub.host(), port, hub.dataDir(), hub.baseUrl()), solr, db, harvest, oai, admin);
    }

    public HubConfig withDataDir(String dataDir) {
        return new HubConfig(
                new HubSettings(hub.host(), hub.port(), dataDir, hub.baseUrl()), solr, db, harvest, oai, admin);
    }

    public HubConfig withHub(HubSettings value) {
        return new HubConfig(value, solr, db, harvest, oai, admin);
    }

    public HubConfig withSolr(SolrSettings value) {
        return new HubConfig(hub, value, db, harvest, oai, admin);
    }

    public HubConfig withDb(DbSettings value) {
        return new HubConfig(hub, solr, value, harvest, oai, admin);
    }

    public HubConfig withAdmin(AdminSettings value) {
        return new HubConfig(hub, solr, db, harvest, oai, value);
    }

    public HubConfig withOai(OaiConfig value) {
        return new HubConfig(hub, solr, db, harvest, value, admin);
    }
}
