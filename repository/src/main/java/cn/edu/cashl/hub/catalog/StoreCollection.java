package cn.edu.cashl.hub.catalog;

/** The two collections of the catalogue. */
public enum StoreCollection {
    /** Source records: one per record a source sent, raw and canonical XML and their status. */
    SOURCE("source"),
    /** Master records: the deduplicated union catalogue that the hub republishes. */
    CATALOG("catalog");

    private final String collectionName;

    StoreCollection(String collectionName) {
        this.collectionName = collectionName;
    }

    /** The Solr collection (or core) name. */
    public String collectionName() {
        return collectionName;
    }
}
