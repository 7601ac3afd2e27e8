package cn.edu.cashl.hub.catalog.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.edu.cashl.hub.catalog.CatalogStore;
import cn.edu.cashl.hub.catalog.CatalogStoreContract;
import cn.edu.cashl.hub.catalog.RecordFilter;
import cn.edu.cashl.hub.catalog.StoreException;
import cn.edu.cashl.hub.catalog.Collection;
import cn.edu.cashl.hub.catalog.StoreHealth;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.apache.solr.embedded.JettyConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store contract through a plain Solr base URL over HTTP. The Solr behind the URL is one node of
 * a real one-node cluster, the collections created beforehand as an operator would.
 */
class SolrUrlStoreTest extends CatalogStoreContract {

    @TempDir
    static Path clusterDir;
    private MiniSolrCloudCluster cluster;
    private SolrCatalogStore store;

    @BeforeAll
    void startSolr() throws Exception {
        cluster = new MiniSolrCloudCluster(1, clusterDir, MiniSolrCloudCluster.DEFAULT_CLOUD_SOLR_XML,
                JettyConfig.builder().build());
        // The operator's step: create the collections with the hub's configset (here through the hub).
        SolrStores.open(SolrSettings.EMBEDDED.withZk(cluster.getZkServer().getZkAddress()).withShards(1), clusterDir).close();
        store = SolrStores.open(SolrSettings.EMBEDDED.withUrl(cluster.getJettySolrRunner(0).getBaseUrl().toString()), clusterDir);
    }

    @AfterAll
    void stopSolr() throws Exception {
        if (store != null) {
            store.close();
        }
        if (cluster != null) {
            cluster.shutdown();
        }
    }

    @Override
    protected CatalogStore store() {
        return store;
    }

    @Test
    void reportsUrlMode() {
        assertEquals("url", store.health().mode());
    }

    @Test
    void unreachableSolrIsReportedDownNotThrown() throws Exception {
        int freePort;
        try (ServerSocket socket = new ServerSocket(0)) {
            freePort = socket.getLocalPort();
        }
        try (SolrCatalogStore nowhere = SolrStores.open(SolrSettings.EMBEDDED.withUrl("http://127.0.0.1:" + freePort + "/solr"), clusterDir)) {
            StoreHealth health = nowhere.health();
            assertFalse(health.up());
            assertNotNull(health.collections().get("catalog").error());
            StoreException e = assertThrows(StoreException.class, () -> nowhere.count(Collection.CATALOG, RecordFilter.ALL));
            assertNotNull(e.getMessage());
        }
    }
}
