package cn.edu.cashl.hub.catalog.solr;

import cn.edu.cashl.hub.catalog.StoreCollection;
import cn.edu.cashl.hub.catalog.StoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.solr.client.solrj.impl.CloudHttp2SolrClient;
import org.apache.solr.client.solrj.impl.Http2SolrClient;
import org.apache.solr.client.solrj.impl.ZkClientClusterStateProvider;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.common.cloud.DocCollection;
import org.apache.solr.common.cloud.SolrZkClient;
import org.apache.solr.common.cloud.ZkMaintenanceUtils;
import org.apache.solr.common.cloud.ZkStateReader;
import org.apache.solr.core.CoreContainer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens the catalogue store in the mode the settings ask for. */
public final class SolrStores {

    private static final Logger LOG = LoggerFactory.getLogger(SolrStores.class);
    private static final long CONNECT_TIMEOUT_SECONDS = 10;
    private static final long REQUEST_TIMEOUT_SECONDS = 120;
    private static final long COLLECTION_READY_SECONDS = 120;

    private SolrStores() {}

    /**
     * Opens the store.
     *
     * @param dataDir the hub's data directory; embedded Solr keeps its index in {@code dataDir/solr}
     */
    public static SolrCatalogStore open(SolrSettings settings, Path dataDir) {
        return switch (settings.mode()) {
            case EMBEDDED -> openEmbedded(dataDir.resolve("solr"));
            case URL -> openUrl(settings.url());
            case CLOUD -> openCloud(settings);
        };
    }

    /**
     * Embedded Solr under {@code solrHome}: a solr.xml, the configset, and one core per collection,
     * created on first start. The configset is rewritten on every start so that the index always
     * runs with the schema of the jar that opens it.
     */
    static SolrCatalogStore openEmbedded(Path solrHome) {
        try {
            Files.createDirectories(solrHome);
            Path solrXml = solrHome.resolve("solr.xml");
            if (!Files.exists(solrXml)) {
                Files.writeString(solrXml, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<solr/>\n");
            }
            ConfigSet.writeTo(solrHome.resolve("configsets").resolve("cashl").resolve("conf"));
            for (StoreCollection collection : StoreCollection.values()) {
                Path core = solrHome.resolve(collection.collectionName());
                Path properties = core.resolve("core.properties");
                if (!Files.exists(properties)) {
                    Files.createDirectories(core);
                    Files.writeString(properties, "name=" + collection.collectionName() + "\nconfigSet=cashl\n");
                }
            }
        } catch (IOException e) {
            throw new StoreException("cannot prepare embedded Solr in " + solrHome + ": " + e.getMessage(), e);
        }
        CoreContainer container = CoreContainer.createAndLoad(solrHome);
        Map<String, CoreContainer.CoreLoadFailure> failures = container.getCoreInitFailures();
        if (!failures.isEmpty()) {
            container.shutdown();
            StringBuilder message = new StringBuilder("embedded Solr in " + solrHome + " could not open its cores:");
            failures.forEach((core, failure) ->
                    message.append("\n  ").append(core).append(": ").append(rootMessage(failure.exception)));
            throw new StoreException(message.toString());
        }
        InProcessSolrServer server = new InProcessSolrServer(container);
        return new SolrCatalogStore(
                server, SolrSettings.Mode.EMBEDDED, solrHome.toString(), List.of(container::shutdown));
    }

    /**
     * A running Solr at a base URL. The collections must exist (see docs/scaling.md); HTTP/1.1,
     * because a Solr behind a proxy rarely speaks HTTP/2 without TLS.
     */
    static SolrCatalogStore openUrl(String url) {
        Http2SolrClient client = new Http2SolrClient.Builder(url)
                .useHttp1_1(true)
                .withConnectionTimeout(CONNECT_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .withRequestTimeout(REQUEST_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .build();
        return new SolrCatalogStore(client, SolrSettings.Mode.URL, url, List.of());
    }

    /**
     * SolrCloud through ZooKeeper. Uploads the configset and creates the collections when they are
     * missing, so that a new cluster needs no manual step; existing ones are left as they are.
     */
    static SolrCatalogStore openCloud(SolrSettings settings) {
        ZkAddress zk = ZkAddress.parse(settings.zk());
        CloudHttp2SolrClient client = new CloudHttp2SolrClient.Builder(zk.hosts(), zk.chroot())
                .withZkConnectTimeout((int) CONNECT_TIMEOUT_SECONDS * 3, TimeUnit.SECONDS)
                .withHttpClientBuilder(new Http2SolrClient.Builder()
                        .withConnectionTimeout(CONNECT_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                        .withRequestTimeout(REQUEST_TIMEOUT_SECONDS, TimeUnit.SECONDS))
                .build();
        try {
            ZkClientClusterStateProvider provider = ZkClientClusterStateProvider.from(client);
            provider.connect();
            ZkStateReader state = provider.getZkStateReader();
            ensureConfigSet(state.getZkClient(), settings.configset());
            List<String> existing = CollectionAdminRequest.listCollections(client);
            for (StoreCollection collection : StoreCollection.values()) {
                if (!existing.contains(collection.collectionName())) {
                    createCollection(client, state, collection.collectionName(), settings);
                }
            }
        } catch (Exception e) {
            closeQuietly(client);
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new StoreException("cannot set up SolrCloud at " + settings.zk() + ": " + rootMessage(e), e);
        }
        return new SolrCatalogStore(client, SolrSettings.Mode.CLOUD, settings.zk(), List.of());
    }

    private static void ensureConfigSet(SolrZkClient zk, String name) throws Exception {
        String path = "/configs/" + name;
        if (zk.exists(path, true)) {
            return;
        }
        Path dir = Files.createTempDirectory("cashl-configset");
        try {
            ConfigSet.writeTo(dir);
            ZkMaintenanceUtils.uploadToZK(zk, dir, path, ZkMaintenanceUtils.UPLOAD_FILENAME_EXCLUDE_PATTERN);
            LOG.info("uploaded configset {} to ZooKeeper", name);
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void createCollection(
            CloudHttp2SolrClient client, ZkStateReader state, String name, SolrSettings settings) throws Exception {
        LOG.info(
                "creating collection {} ({} shards x {} replicas)",
                name,
                settings.shards(),
                settings.replicationFactor());
        try {
            CollectionAdminRequest.createCollection(
                            name, settings.configset(), settings.shards(), settings.replicationFactor())
                    .process(client);
        } catch (Exception e) {
            // Another hub node may have created it meanwhile: that is fine, anything else is not.
            if (!CollectionAdminRequest.listCollections(client).contains(name)) {
                throw e;
            }
        }
        int replicas = settings.shards() * settings.replicationFactor();
        state.waitForState(
                name,
                COLLECTION_READY_SECONDS,
                TimeUnit.SECONDS,
                (liveNodes, collection) -> isReady(collection, liveNodes, replicas));
    }

    private static boolean isReady(DocCollection collection, Set<String> liveNodes, int replicas) {
        if (collection == null) {
            return false;
        }
        List<Boolean> active = new ArrayList<>();
        collection.getSlices().forEach(slice -> slice.getReplicas().forEach(r -> active.add(r.isActive(liveNodes))));
        return active.size() >= replicas && !active.contains(Boolean.FALSE);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            LOG.debug("close failed", e);
        }
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + root.getMessage() + ")";
    }

    /** A ZooKeeper connect string split into hosts and chroot ({@code h1:2181,h2:2181/solr}). */
    record ZkAddress(List<String> hosts, Optional<String> chroot) {
        static ZkAddress parse(String zk) {
            String value = zk.strip();
            int slash = value.indexOf('/');
            String hosts = slash < 0 ? value : value.substring(0, slash);
            Optional<String> chroot =
                    slash < 0 || slash == value.length() - 1 ? Optional.empty() : Optional.of(value.substring(slash));
            return new ZkAddress(List.of(hosts.split(",")), chroot);
        }
    }
}
