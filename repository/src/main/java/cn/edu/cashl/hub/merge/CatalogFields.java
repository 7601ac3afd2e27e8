package cn.edu.cashl.hub.merge;

/**
 * The Solr fields deduplication keeps beside the records (declared in the configset's schema.xml).
 * On source records: {@link #MASTER}, {@link #CONTENT_HASH}. On master records: the rest.
 */
public final class CatalogFields {

    /** Source record: the master record it belongs to; a hint that the master's member list confirms. */
    public static final String MASTER = "master";
    /** Source record: hash of its canonical content without the harvest time. */
    public static final String CONTENT_HASH = "content_hash";
    /** Master record: its members' source record ids. */
    public static final String MEMBER = "member";
    /** Master record: its members' {@link MatchKeys#lookupKeys() lookup keys}, indexed only. */
    public static final String MATCH_KEY = "match_key";
    /** Master record: one "source record id TAB encoded match keys" line per member, stored only. */
    public static final String CLUSTER = "cluster";
    /** Master record: ids of the master records of the same edition in the other format. */
    public static final String OTHER_FORMAT = "other_format";
    /**
     * Master record: OAI set specs it belonged to once and no longer does (a library's last holding
     * went, the type changed). Set harvests list it as deleted in those sets. A dynamic field, so
     * that catalogues indexed before it existed need no schema change.
     */
    public static final String FORMER_SET = cn.edu.cashl.hub.catalog.RecordFilter.FORMER_SET;
    /** Deleted master record: the master record that took its members over. */
    public static final String REPLACED_BY = "replaced_by";

    private CatalogFields() {}
}
