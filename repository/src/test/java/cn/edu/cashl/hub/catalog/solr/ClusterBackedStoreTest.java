package cn.edu.cashl.hub.catalog.solr;

import cn.edu.cashl.hub.catalog.CatalogStore;
import cn.edu.cashl.hub.catalog.CatalogStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The store contract against a store that reaches a real SolrCloud started for the test class. */
abstract class ClusterBackedStoreTest extends CatalogStoreContract {

    Path clusterDir;
    SolrTestCluster solr;
    SolrCatalogStore store;

    /** How many Solr nodes the cluster has. */
    abstract int nodes();

    /** Opens the store under test against the running cluster. */
    abstract SolrCatalogStore open(SolrTestCluster cluster, Path dir);

    @BeforeAll
    void startCluster(@TempDir Path dir) throws Exception {
        clusterDir = dir;
        solr = new SolrTestCluster(nodes(), clusterDir);
        store = open(solr, clusterDir);
    }

    @AfterAll
    @SuppressWarnings("try") // the resource is there to be closed last, not to be used
    void stopCluster() throws Exception {
        try (SolrTestCluster closing = solr) {
            if (store != null) {
                store.close();
            }
        }
    }

    @Override
    protected CatalogStore store() {
        return store;
    }
}
