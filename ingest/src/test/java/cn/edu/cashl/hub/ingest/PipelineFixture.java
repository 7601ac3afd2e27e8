package cn.edu.cashl.hub.ingest;

import cn.edu.cashl.hub.catalog.CatalogStore;
import cn.edu.cashl.hub.catalog.DatestampClock;
import cn.edu.cashl.hub.crosswalk.CrosswalkEngine;
import cn.edu.cashl.hub.crosswalk.Crosswalks;
import cn.edu.cashl.hub.ingest.hss.HssFilter;
import cn.edu.cashl.hub.ingest.hss.HssRules;
import cn.edu.cashl.hub.source.Source;
import cn.edu.cashl.hub.testkit.ProjectRoot;
import java.io.IOException;
import java.io.UncheckedIOException;

/** A real pipeline for tests over the store a test chooses: packaged crosswalks, shipped HSS rules. */
final class PipelineFixture implements AutoCloseable {

    static final Crosswalks CROSSWALKS = Crosswalks.packaged(new CrosswalkEngine());

    final CatalogStore store;

    /** A fixture that owns the store: closing it closes the store. */
    PipelineFixture(CatalogStore store) {
        this.store = store;
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
