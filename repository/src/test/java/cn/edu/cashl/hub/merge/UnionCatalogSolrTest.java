package cn.edu.cashl.hub.merge;

import cn.edu.cashl.hub.catalog.CatalogStore;
import cn.edu.cashl.hub.catalog.solr.SolrSettings;
import cn.edu.cashl.hub.catalog.solr.SolrStores;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/**
 * The union catalogue tests on real embedded Solr: the one run of them where the candidates come
 * from a Lucene index and the conditional writes from Solr's optimistic concurrency, so that the
 * in-memory store's stand-in behaviour cannot hide a difference there.
 */
class UnionCatalogSolrTest extends UnionCatalogTest {

    @TempDir
    static Path dataDir;

    @Override
    CatalogStore openStore() {
        return SolrStores.open(SolrSettings.EMBEDDED, dataDir);
    }
}
