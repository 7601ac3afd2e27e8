package cn.edu.cashl.hub.catalog;

import java.util.Map;

/**
 * What the store can say about itself for {@code /health}.
 *
 * @param up          every collection answered
 * @param mode        {@code embedded}, {@code url} or {@code cloud}
 * @param location    where the index lives (directory, URL or ZooKeeper address)
 * @param collections per collection: its document count, or the error that kept it from answering
 */
public record StoreHealth(boolean up, String mode, String location, Map<String, CollectionHealth> collections) {

    public StoreHealth {
        collections = Map.copyOf(collections);
    }

    /** One collection's state: {@code error} is null when it is up. */
    public record CollectionHealth(boolean up, long records, String error) {}
}
