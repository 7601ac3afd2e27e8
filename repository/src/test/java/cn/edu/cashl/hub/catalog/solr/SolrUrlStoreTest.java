package cn.edu.cashl.hub.catalog.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.edu.cashl.hub.catalog.RecordFilter;
import cn.edu.cashl.hub.catalog.StoreCollection;
import cn.edu.cashl.hub.catalog.StoreException;
import cn.edu.cashl.hub.catalog.StoreHealth;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The store contract through a plain Solr base URL over HTTP. The Solr behind the URL is the one
 * node of a real cluster whose collections were created beforehand, as an operator would.
 */
class SolrUrlStoreTest extends ClusterBackedStoreTest {

    @Override
    int nodes() {
        return 1;
    }

    @Override
    SolrCatalogStore open(SolrTestCluster cluster, Path dir) {
        // The operator's step: create the collections with the hub's configset.
        SolrStores.open(cluster.cloud(1), dir).close();
        return SolrStores.open(cluster.url(), dir);
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
        try (SolrCatalogStore nowhere =
                SolrStores.open(SolrSettings.EMBEDDED.withUrl("http://127.0.0.1:" + freePort + "/solr"), clusterDir)) {
            StoreHealth health = nowhere.health();
            assertFalse(health.up());
            assertNotNull(health.collections().get("catalog").error());
            StoreException e =
                    assertThrows(StoreException.class, () -> nowhere.count(StoreCollection.CATALOG, RecordFilter.ALL));
            assertNotNull(e.getMessage());
        }
    }
}
