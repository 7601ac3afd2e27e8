package cn.edu.cashl.hub.catalog.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.edu.cashl.hub.catalog.CatalogStore;
import cn.edu.cashl.hub.catalog.CatalogStoreContract;
import cn.edu.cashl.hub.catalog.RecordFilter;
import cn.edu.cashl.hub.catalog.StoreCollection;
import cn.edu.cashl.hub.catalog.StoreException;
import cn.edu.cashl.hub.catalog.StoredRecord;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on embedded Solr, plus what only the embedded mode has: its data directory. */
class EmbeddedSolrStoreTest extends CatalogStoreContract {

    @TempDir
    static Path dataDir;

    private SolrCatalogStore store;

    @BeforeAll
    void open() {
        store = SolrStores.open(SolrSettings.EMBEDDED, dataDir);
    }

    @AfterAll
    void close() {
        store.close();
    }

    @Override
    protected CatalogStore store() {
        return store;
    }

    @Test
    void reportsEmbeddedModeAndItsDirectory() {
        assertEquals("embedded", store.health().mode());
        assertEquals(dataDir.resolve("solr").toString(), store.health().location());
    }

    @Test
    void committedRecordsSurviveACloseAndReopen(@TempDir Path otherData) {
        StoredRecord record = StoredRecord.builder("reopen:1", Instant.parse("2024-06-01T00:00:00Z"))
                .xml("<kept/>")
                .set("library:pku")
                .build();
        try (SolrCatalogStore first = SolrStores.open(SolrSettings.EMBEDDED, otherData)) {
            first.put(StoreCollection.CATALOG, List.of(record));
            first.commit();
        }
        try (SolrCatalogStore second = SolrStores.open(SolrSettings.EMBEDDED, otherData)) {
            assertEquals(
                    record,
                    second.get(StoreCollection.CATALOG, "reopen:1")
                            .orElseThrow()
                            .withVersion(0));
            assertEquals(1, second.count(StoreCollection.CATALOG, RecordFilter.ALL.withSet("library:pku")));
        }
    }

    @Test
    void secondStoreOnTheSameDirectoryIsRefusedWithAClearMessage() {
        // The first store of this class holds the index locks of dataDir.
        StoreException e = assertThrows(StoreException.class, () -> SolrStores.open(SolrSettings.EMBEDDED, dataDir));
        assertTrue(e.getMessage().contains("could not open its cores"), e.getMessage());
    }
}
