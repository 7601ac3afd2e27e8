package cn.edu.cashl.hub.server;

import cn.edu.cashl.hub.catalog.CatalogStore;
import cn.edu.cashl.hub.catalog.DatestampClock;
import cn.edu.cashl.hub.config.HubConfig;
import cn.edu.cashl.hub.crosswalk.Crosswalks;
import cn.edu.cashl.hub.db.Database;
import cn.edu.cashl.hub.oai.OaiProvider;
import cn.edu.cashl.hub.oai.OaiSettings;
import cn.edu.cashl.hub.publish.Library;
import cn.edu.cashl.hub.source.Source;
import cn.edu.cashl.hub.source.Sources;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the hub's OAI-PMH data provider from its configuration ({@code oai:} and the sources). */
final class OaiPublishing {

    private OaiPublishing() {}

    static OaiProvider provider(
            HubConfig.OaiConfig config,
            CatalogStore store,
            DatestampClock datestamps,
            Database database,
            Sources sources,
            Crosswalks crosswalks)
            throws HubStartupException {
        byte[] key;
        if (config.tokenKey() == null || config.tokenKey().isBlank()) {
            try {
                key = Base64.getDecoder().decode(new HubSecrets(database.dataSource()).get("oai-token-key"));
            } catch (SQLException e) {
                throw new HubStartupException(
                        "cannot read or create the resumption token key in the database: " + e.getMessage(), e);
            }
        } else {
            key = config.tokenKey().getBytes(StandardCharsets.UTF_8);
        }
        List<String> emails = Arrays.stream(config.adminEmail().split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
        OaiSettings settings = new OaiSettings(
                config.baseUrl() == null || config.baseUrl().isBlank() ? null : config.baseUrl(),
                config.repositoryName(),
                config.repositoryIdentifier(),
                emails,
                config.recordsPerPage(),
                config.headersPerPage(),
                Duration.ofHours(config.tokenLifetimeHours()),
                key,
                Duration.ofSeconds(config.visibilityWaitSeconds()));
        return new OaiProvider(store, datestamps, crosswalks, settings, libraries(sources));
    }

    /** The sources as holding libraries: a source's id is its library code. */
    static Map<String, Library> libraries(Sources sources) {
        Map<String, Library> libraries = new LinkedHashMap<>();
        for (Source source : sources.all()) {
            libraries.put(
                    source.id(),
                    new Library(
                            source.id(),
                            source.name() == null ? source.id() : source.name(),
                            source.nameZh(),
                            source.url()));
        }
        return libraries;
    }
}
