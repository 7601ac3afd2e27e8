package cn.edu.cashl.hub.catalog.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.edu.cashl.hub.catalog.StoreCollection;
import java.nio.file.Path;
import org.apache.solr.common.cloud.DocCollection;
import org.junit.jupiter.api.Test;

/**
 * The store contract on a real two-node SolrCloud with embedded ZooKeeper. The store itself uploads
 * the configset and creates two-shard collections, as it does on a fresh production cluster.
 */
class SolrCloudStoreTest extends ClusterBackedStoreTest {

    @Override
    int nodes() {
        return 2;
    }

    @Override
    SolrCatalogStore open(SolrTestCluster cluster, Path dir) {
        return SolrStores.open(cluster.cloud(2), dir);
    }

    @Test
    void collectionsWereCreatedWithTwoShards() {
        for (StoreCollection collection : StoreCollection.values()) {
            DocCollection state =
                    solr.cluster().getZkStateReader().getClusterState().getCollection(collection.collectionName());
            assertEquals(2, state.getSlices().size(), collection + " shards");
        }
        assertEquals("cloud", store.health().mode());
    }

    @Test
    void openingAgainReusesTheExistingCollections() {
        try (SolrCatalogStore again = SolrStores.open(solr.cloud(2), clusterDir)) {
            assertTrue(again.health().up());
        }
    }
}
