package cn.edu.cashl.hub.ingest;

import cn.edu.cashl.hub.catalog.CatalogStore;
import cn.edu.cashl.hub.catalog.memory.InMemoryCatalogStore;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tests that share one real pipeline for the whole class, over the in-memory store: the pipeline's
 * decisions do not depend on Solr. A class about what the real index does overrides
 * {@link #openStore}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PipelineTestBase {

    PipelineFixture fixture;

    @BeforeAll
    void open(@TempDir Path dataDir) {
        fixture = new PipelineFixture(openStore(dataDir));
    }

    /** The class's store; {@code dataDir} is a temporary directory for one that needs it. */
    CatalogStore openStore(Path dataDir) {
        return new InMemoryCatalogStore();
    }

    @AfterAll
    void close() {
        if (fixture != null) {
            fixture.close();
        }
    }
}
