package cn.edu.cashl.hub.merge;

import cn.edu.cashl.hub.catalog.CatalogStore;
import cn.edu.cashl.hub.catalog.solr.SolrSettings;
import cn.edu.cashl.hub.catalog.solr.SolrStores;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The journal linking tests on real embedded Solr, where journals are found in a Lucene index. */
class JournalLinkingSolrTest extends JournalLinkingTest {

    @TempDir
    static Path dataDir;

    @Override
    CatalogStore openStore() {
        return SolrStores.open(SolrSettings.EMBEDDED, dataDir);
    }
}
