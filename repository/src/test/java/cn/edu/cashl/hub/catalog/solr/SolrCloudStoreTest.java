package cn.edu.cashl.hub.catalog.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.edu.cashl.hub.catalog.CatalogStore;
import cn.edu.cashl.hub.catalog.CatalogStoreContract;
import cn.edu.cashl.hub.catalog.Collection;
import java.nio.file.Path;
import org.apache.solr.client.solrj.impl.CloudSolrClient;
import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.apache.solr.common.cloud.DocCollection;
import org.apache.solr.embedded.JettyConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store contract on a real two-node SolrCloud with embedded ZooKeeper. The store itself uploads
 * the configset and creates two-shard collections, as it does on a fresh production cluster.
 */
class SolrCloudStoreTest extends CatalogStoreContract {

    @TempDir
    static Path clusterDir;
    private MiniSolrCloudCluster cluster;
    private SolrCatalogStore store;

    @BeforeAll
    void startCluster() throws Exception {
        cluster = new MiniSolrCloudCluster(2, clusterDir, MiniSolrCloudCluster.DEFAULT_CLOUD_SOLR_XML,
                JettyConfig.builder().build());
        store = SolrStores.open(SolrSettings.EMBEDDED.withZk(cluster.getZkServer().getZkAddress()).withShards(2), clusterDir);
    }

    @AfterAll
    void stopCluster() throws Exception {
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
    void collectionsWereCreatedWithTwoShards() {
        CloudSolrClient client = cluster.getSolrClient();
        for (Collection collection : Collection.values()) {
            DocCollection state = client.getClusterState().getCollection(collection.collectionName());
            assertEquals(2, state.getSlices().size(), collection + " shards");
        }
        assertEquals("cloud", store.health().mode());
    }

    @Test
    void openingAgainReusesTheExistingCollections() {
        try (SolrCatalogStore again = SolrStores.open(
                SolrSettings.EMBEDDED.withZk(cluster.getZkServer().getZkAddress()), clusterDir)) {
            assertEquals(true, again.health().up());
        }
    }
}
