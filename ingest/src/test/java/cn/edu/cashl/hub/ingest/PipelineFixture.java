package cn.edu.cashl.hub.ingest;

import cn.edu.cashl.hub.catalog.DatestampClock;
import cn.edu.cashl.hub.catalog.solr.SolrCatalogStore;
import cn.edu.cashl.hub.catalog.solr.SolrSettings;
import cn.edu.cashl.hub.catalog.solr.SolrStores;
import cn.edu.cashl.hub.crosswalk.CrosswalkEngine;
import cn.edu.cashl.hub.crosswalk.Crosswalks;
import cn.edu.cashl.hub.ingest.hss.HssFilter;
import cn.edu.cashl.hub.ingest.hss.HssRules;
import cn.edu.cashl.hub.source.Source;
import cn.edu.cashl.hub.testkit.ProjectRoot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/** A real pipeline for tests: embedded Solr in a temporary directory, packaged crosswalks, shipped HSS rules. */
final class PipelineFixture implements AutoCloseable {

    static final Crosswalks CROSSWALKS = Crosswalks.packaged(new CrosswalkEngine());

    final SolrCatalogStore store;

    PipelineFixture(Path dataDir) {
        store = SolrStores.open(SolrSettings.EMBEDDED, dataDir);
    }

    IngestPipeline pipeline() {
        return pipeline(shippedRules());
    }

    IngestPipeline pipeline(HssRules rules) {
        return new IngestPipeline(store, CROSSWALKS, new HssFilter(rules), DatestampClock.serving());
    }

    static HssRules shippedRules() {
        try {
            return HssRules.load(ProjectRoot.find().resolve("config/hss-rules.yaml"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Source fileSource(String id) {
        return Source.file(id, null);
    }

    @Override
    public void close() {
        store.close();
    }
}
