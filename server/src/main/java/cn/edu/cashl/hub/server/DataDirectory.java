package cn.edu.cashl.hub.server;

import cn.edu.cashl.hub.catalog.CatalogStore;
import cn.edu.cashl.hub.catalog.StoreException;
import cn.edu.cashl.hub.catalog.solr.SolrCatalogStore;
import cn.edu.cashl.hub.catalog.solr.SolrStores;
import cn.edu.cashl.hub.config.HubConfig;
import java.nio.file.Path;

/**
 * The hub's data directory, held: its lock and the catalogue store. The server opens it before it
 * serves; offline commands (import, recrosswalk) open it instead of a server, so that they never
 * write to an index a running hub has open.
 */
public final class DataDirectory implements AutoCloseable {

    private final DataDirectoryLock lock;
    private final SolrCatalogStore store;

    private DataDirectory(DataDirectoryLock lock, SolrCatalogStore store) {
        this.lock = lock;
        this.store = store;
    }

    public static DataDirectory open(HubConfig config, Path dataDir) throws HubStartupException {
        DataDirectoryLock lock = DataDirectoryLock.acquire(dataDir);
        try {
            // Solr's logging setup asks for a log directory even though it logs through ours.
            System.setProperty("solr.log.dir", dataDir.resolve("logs").toString());
            return new DataDirectory(lock, SolrStores.open(config.solr(), dataDir));
        } catch (StoreException e) {
            lock.close();
            throw new HubStartupException("Solr: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    public CatalogStore store() {
        return store;
    }

    String storeMode() {
        return store.mode();
    }

    /** Closes the store (Solr cores) and releases the lock. */
    @Override
    public void close() {
        try {
            store.close();
        } finally {
            lock.close();
        }
    }
}
