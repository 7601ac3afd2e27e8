package cn.edu.cashl.hub.catalog.solr;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.apache.solr.embedded.JettyConfig;

/**
 * A real SolrCloud for tests: Jetty 10 nodes and an embedded ZooKeeper on loopback, all stopped by
 * {@link #close()}. The plain constructor, because the builder needs the randomized-testing runner.
 */
final class SolrTestCluster implements AutoCloseable {

    private final MiniSolrCloudCluster cluster;

    SolrTestCluster(int nodes, Path dir) throws Exception {
        cluster = new MiniSolrCloudCluster(
                nodes,
                dir,
                MiniSolrCloudCluster.DEFAULT_CLOUD_SOLR_XML,
                JettyConfig.builder().build());
    }

    /** Settings that reach this cluster through ZooKeeper. */
    SolrSettings cloud(int shards) {
        return SolrSettings.EMBEDDED
                .withZk(cluster.getZkServer().getZkAddress())
                .withShards(shards);
    }

    /** Settings that reach the first node by its base URL. */
    SolrSettings url() {
        return SolrSettings.EMBEDDED.withUrl(
                cluster.getJettySolrRunner(0).getBaseUrl().toString());
    }

    MiniSolrCloudCluster cluster() {
        return cluster;
    }

    @Override
    public void close() throws IOException {
        try {
            cluster.shutdown();
        } catch (Exception e) {
            throw new IOException("the test cluster did not shut down cleanly", e);
        }
    }
}
