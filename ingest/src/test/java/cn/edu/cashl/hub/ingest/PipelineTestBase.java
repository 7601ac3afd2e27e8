package cn.edu.cashl.hub.ingest;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Tests that share one real pipeline (embedded Solr in a temporary directory) for the whole class. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PipelineTestBase {

    PipelineFixture fixture;

    @BeforeAll
    void open(@TempDir Path dataDir) {
        fixture = new PipelineFixture(dataDir);
    }

    @AfterAll
    void close() {
        if (fixture != null) {
            fixture.close();
        }
    }
}
