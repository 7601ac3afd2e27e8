package cn.edu.cashl.hub.catalog.solr;

/**
 * Where the catalogue's Solr is, from the {@code solr:} section of the configuration.
 *
 * <p>The mode follows from what is set: {@code zk} means SolrCloud, else {@code url} means a
 * standalone Solr (or any SolrCloud node) at that base URL, else Solr runs embedded under the data
 * directory.
 *
 * @param url               base URL of a running Solr, e.g. {@code http://solr:8983/solr}
 * @param zk                ZooKeeper ensemble with optional chroot, e.g. {@code zk1:2181,zk2:2181/solr}
 * @param shards            SolrCloud: shards of a collection the hub creates
 * @param replicationFactor SolrCloud: replicas per shard of a collection the hub creates
 * @param configset         name of the configset in ZooKeeper
 */
public record SolrSettings(String url, String zk, int shards, int replicationFactor, String configset) {

    /** How the hub reaches Solr. */
    public enum Mode {
        EMBEDDED,
        URL,
        CLOUD
    }

    public static final SolrSettings EMBEDDED = new SolrSettings(null, null, 2, 1, "cashl");

    public Mode mode() {
        if (zk != null && !zk.isBlank()) {
            return Mode.CLOUD;
        }
        return url != null && !url.isBlank() ? Mode.URL : Mode.EMBEDDED;
    }

    public SolrSettings withUrl(String value) {
        return new SolrSettings(value, zk, shards, replicationFactor, configset);
    }

    public SolrSettings withZk(String value) {
        return new SolrSettings(url, value, shards, replicationFactor, configset);
    }

    public SolrSettings withShards(int value) {
        return new SolrSettings(url, zk, value, replicationFactor, configset);
    }
}
