package cn.edu.cashl.hub.server;

import cn.edu.cashl.hub.catalog.CatalogSearch;
import cn.edu.cashl.hub.catalog.CatalogStore;
import cn.edu.cashl.hub.config.HubConfig;
import cn.edu.cashl.hub.crosswalk.Crosswalks;
import cn.edu.cashl.hub.publish.RecordRenderer;
import cn.edu.cashl.hub.source.Sources;
import cn.edu.cashl.hub.sru.SruEndpoint;
import cn.edu.cashl.hub.sru.SruSettings;
import java.time.Clock;

/**
 * Builds the hub's SRU endpoint: the catalogue's search, the crosswalks OAI-PMH publishes with,
 * the sources' library names for holdings, and the repository's name and contact for explain.
 */
final class SruPublishing {

    private SruPublishing() {}

    static SruEndpoint endpoint(HubConfig.OaiConfig oai, CatalogStore store, Sources sources, Crosswalks crosswalks)
            throws HubStartupException {
        if (!(store instanceof CatalogSearch search)) {
            throw new HubStartupException(
                    "the catalogue store " + store.getClass().getSimpleName() + " cannot search");
        }
        SruSettings defaults = SruSettings.defaults();
        String contact = oai.adminEmail() == null || oai.adminEmail().isBlank()
                ? null
                : oai.adminEmail().split(",")[0].strip();
        SruSettings settings = new SruSettings(
                oai.repositoryName(),
                defaults.databaseTitleZh(),
                contact,
                defaults.defaultRecords(),
                defaults.maximumRecords(),
                defaults.defaultSchema(),
                defaults.resultSetTtl(),
                defaults.maximumResultSetTtl(),
                defaults.maximumTerms());
        return new SruEndpoint(
                search, new RecordRenderer(crosswalks), settings, OaiPublishing.libraries(sources), Clock.systemUTC());
    }
}
