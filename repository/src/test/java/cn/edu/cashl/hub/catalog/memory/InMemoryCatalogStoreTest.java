package cn.edu.cashl.hub.catalog.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.edu.cashl.hub.catalog.CatalogStore;
import cn.edu.cashl.hub.catalog.CatalogStoreContract;
import cn.edu.cashl.hub.catalog.RecordFilter;
import cn.edu.cashl.hub.catalog.StoreCollection;
import cn.edu.cashl.hub.catalog.StoreException;
import cn.edu.cashl.hub.catalog.StoredRecord;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The store contract on the in-memory store: passing the suite the Solr backends pass is what lets
 * unit tests use it in their place. Plus what only it does: refuse what it does not model.
 */
class InMemoryCatalogStoreTest extends CatalogStoreContract {

    private final InMemoryCatalogStore store = new InMemoryCatalogStore();

    @AfterAll
    void close() {
        store.close();
    }

    @Override
    protected CatalogStore store() {
        return store;
    }

    @Test
    void searchOnAnalysedTextIsRefusedRatherThanAnsweredDifferently() {
        assertThrows(
                IllegalArgumentException.class,
                () -> store.findIds(StoreCollection.CATALOG, "title_text", List.of("x"), 10));
        assertThrows(IllegalArgumentException.class, () -> store.terms(StoreCollection.CATALOG, "title_text", 10));
    }

    @Test
    void typedValuesComeBackAsSolrReturnsThem() {
        StoredRecord written = StoredRecord.builder("typed:1", Instant.parse("2024-01-01T00:00:00.123456Z"))
                .field("n_i", "007")
                .field("f_b", "TRUE")
                .field("d_dt", "2024-01-01T00:00:00.5Z")
                .build();
        store.put(StoreCollection.SOURCE, List.of(written));

        StoredRecord read = store.get(StoreCollection.SOURCE, "typed:1").orElseThrow();
        assertEquals(Instant.parse("2024-01-01T00:00:00.123Z"), read.datestamp());
        assertEquals("7", read.field("n_i"));
        assertEquals("true", read.field("f_b"));
        assertEquals("2024-01-01T00:00:00.500Z", read.field("d_dt"));
        assertThrows(
                StoreException.class,
                () -> store.put(
                        StoreCollection.SOURCE,
                        List.of(StoredRecord.builder("typed:2", Instant.EPOCH)
                                .field("n_i", " 8 ")
                                .build())));
    }

    @Test
    void aClosedStoreRefusesEveryCallButHealth() {
        InMemoryCatalogStore closed = new InMemoryCatalogStore();
        closed.close();
        assertThrows(StoreException.class, () -> closed.count(StoreCollection.CATALOG, RecordFilter.ALL));
        assertThrows(StoreException.class, () -> closed.get(StoreCollection.CATALOG, "x"));
        assertFalse(closed.health().up());
    }
}
