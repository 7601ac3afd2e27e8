package cn.edu.cashl.hub.catalog.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.edu.cashl.hub.testkit.ProjectRoot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigSetTest {

    @Test
    void fileListMatchesTheConfigsetDirectory() throws Exception {
        Path conf = ProjectRoot.find().resolve("config/solr/cashl/conf");
        try (Stream<Path> files = Files.list(conf)) {
            assertEquals(
                    ConfigSet.FILES.stream().sorted().toList(),
                    files.map(f -> f.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void writesEveryFileFromTheClassPath(@TempDir Path dir) throws Exception {
        ConfigSet.writeTo(dir.resolve("conf"));
        for (String file : ConfigSet.FILES) {
            assertEquals(
                    Files.readString(
                            ProjectRoot.find().resolve("config/solr/cashl/conf").resolve(file)),
                    Files.readString(dir.resolve("conf").resolve(file)));
        }
    }

    @Test
    void parsesZooKeeperAddressWithAndWithoutChroot() {
        assertEquals(
                new SolrStores.ZkAddress(List.of("zk1:2181", "zk2:2181"), Optional.of("/solr")),
                SolrStores.ZkAddress.parse("zk1:2181,zk2:2181/solr"));
        assertEquals(
                new SolrStores.ZkAddress(List.of("127.0.0.1:9983"), Optional.empty()),
                SolrStores.ZkAddress.parse("127.0.0.1:9983"));
    }
}
